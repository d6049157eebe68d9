package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sovwatch/config"
)

func TestDigestPostsOncePerPeriod(t *testing.T) {
	ctx := context.Background()
	srv, _ := newsFeed(t)
	src := fmt.Sprintf(`storage: {path: %s}
fetch: {allow_private_networks: true, host_gap: -1s}
sources:
  - {name: wire, type: rss, url: %s/feed.xml, fulltext: never}
watchlists:
  - {name: morning, mode: digest, schedule: "0 8 * * 1-5", timezone: America/Mexico_City, channels: [console]}
  - {name: heartbeat, query: "Greenland", mode: digest, post_empty: true, channels: [console]}
`, filepath.Join(t.TempDir(), "d.db"), srv.URL)
	clock := testNow
	a, out := startApp(t, "digest.yaml", src, &clock)
	if err := a.Once(ctx); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Claudia Sheinbaum") {
		t.Fatalf("a digest watchlist alerted at once:\n%s", out.String())
	}
	ws, err := a.store.Watchlists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Hour)
	for _, w := range ws {
		if _, err := a.postDigest(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.deliverer.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "morning") || !strings.Contains(got, "Sheinbaum answers talk of strikes on cartels") {
		t.Fatalf("digest missing:\n%s", got)
	}
	if !strings.Contains(got, "heartbeat") {
		t.Fatalf("the empty digest of a post_empty watchlist was not posted:\n%s", got)
	}
	// The next period has nothing: only the heartbeat posts again.
	before := len(got)
	clock = clock.Add(24 * time.Hour)
	for _, w := range ws {
		if _, err := a.postDigest(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	a.deliverer.Drain(ctx)
	next := out.String()[before:]
	if strings.Contains(next, "morning") || !strings.Contains(next, "heartbeat") {
		t.Fatalf("second period:\n%s", next)
	}
	if spec := digestSpec(ws[0]); spec != "CRON_TZ=America/Mexico_City 0 8 * * 1-5" {
		t.Fatalf("spec %q", spec)
	}
	if _, err := config.CronParser.Parse(digestSpec(ws[0])); err != nil {
		t.Fatalf("the scheduler cannot read %q: %v", digestSpec(ws[0]), err)
	}
}
