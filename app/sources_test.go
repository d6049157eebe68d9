package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovwatch/config"
	"sovwatch/storage"
)

func TestSourcesImport(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "sovwatch.yaml")
	db := filepath.Join(dir, "s.db")
	if err := os.WriteFile(cfgPath, []byte("storage:\n  path: "+db+"\nsources:\n  - name: wire\n    type: rss\n    url: https://ledger.example/world.atom\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opml := filepath.Join("..", "watchers", "testdata", "subscriptions.opml")
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, FileExists: func(string) bool { return false }}
		return Main(context.Background(), args, env), stdout.String(), stderr.String()
	}
	// The config's own sources are stored first, as a start would.
	cfg, err := config.LoadFile(cfgPath, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, Options{Log: quietLog(), Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	code, out, errOut := run("sources", "import", "-config", cfgPath, opml)
	if code != 0 {
		t.Fatalf("import exited %d: %s", code, errOut)
	}
	for _, want := range []string{"added diario-del-sur-politica", "skipped northern-ledger: https://ledger.example/world.atom is already polled as wire", "added northern-ledger-2", "not http(s)", "2 of 3 feeds added"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run("sources", "import", "-config", cfgPath, opml)
	if code != 0 || !strings.Contains(out, "0 of 3 feeds added") {
		t.Fatalf("second import (exit %d) should add nothing:\n%s", code, out)
	}
	s, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src, err := s.Source(context.Background(), "diario-del-sur-politica")
	if err != nil || src.Origin != storage.OriginOPML || !strings.Contains(src.Spec, `"Language":"es"`) {
		t.Fatalf("imported source: %+v %v", src, err)
	}
	for _, bad := range [][]string{{"sources"}, {"sources", "export"}, {"sources", "import"}, {"sources", "import", "-config", cfgPath, "/nonexistent.opml"}} {
		if code, _, _ := run(bad...); code == 0 {
			t.Errorf("%v succeeded", bad)
		}
	}
}
