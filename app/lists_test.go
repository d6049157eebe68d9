package app

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sovwatch/storage"
)

func TestListsShowTroubles(t *testing.T) {
	ctx := context.Background()
	srv, _ := newsFeed(t)
	cfg := testConfig(t, srv.URL+"/feed.xml")
	a, err := New(ctx, cfg, Options{Log: quietLog(), Stdout: &bytes.Buffer{}, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	s, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPollFailure(ctx, "wire", "fetch http://wire/feed.xml: HTTP 503", testNow.Add(-30*time.Hour), testNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.RefuseDestination(ctx, "console", "write error: broken pipe", testNow, testNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var out bytes.Buffer
	if err := ListSources(ctx, cfg, testNow, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "FAILING since 2026-11-25 09:00") || !strings.Contains(out.String(), "HTTP 503") {
		t.Fatalf("sources list:\n%s", out.String())
	}
	out.Reset()
	if err := ListWatchlists(ctx, cfg, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "all-statements") || !strings.Contains(out.String(), "console (REFUSING: write error: broken pipe)") {
		t.Fatalf("watchlists list:\n%s", out.String())
	}
	code, stdout, _ := runMain(t, "", "sources", "list", "-config", writeConfig(t, cfg.Storage.Path))
	if code != 0 || !strings.Contains(stdout, "HTTP 503") {
		t.Fatalf("sources list command (exit %d):\n%s", code, stdout)
	}
	if code, _, _ := runMain(t, "", "watchlists", "remove"); code != 2 {
		t.Fatalf("unknown subcommand exit %d", code)
	}
}

// writeConfig writes a config file that points at db.
func writeConfig(t *testing.T, db string) string {
	t.Helper()
	p := t.TempDir() + "/sovwatch.yaml"
	if err := os.WriteFile(p, []byte("storage:\n  path: "+db+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
