package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/config"
	"sovwatch/storage"
)

// syncBuffer is a bytes.Buffer safe for the deliverer and the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var testNow = time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)

// newsFeed serves an RSS feed with one statement-bearing item and one that
// must stay silent, and counts its requests.
func newsFeed(t *testing.T) (*httptest.Server, *int) {
	t.Helper()
	var mu sync.Mutex
	hits := 0
	pub := testNow.Add(-time.Hour).Format(time.RFC1123Z)
	feed := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Desk wire</title><link>http://wire.test/</link><language>en</language>
<item><title>Sheinbaum answers talk of strikes on cartels</title><link>{{BASE}}/story/1?utm_source=rss</link><guid>wire-1</guid><pubDate>%s</pubDate>
<description>Mexican President Claudia Sheinbaum rejected any foreign intervention on Tuesday, saying "Mexico is free, independent and sovereign" after remarks in Washington about sending troops across the border. She added that cooperation with the United States would continue on equal terms.</description></item>
<item><title>Sovereign bond spreads narrow</title><link>{{BASE}}/story/2</link><guid>wire-2</guid><pubDate>%s</pubDate>
<description>Mexico's sovereign bonds rallied as investors priced in a rate cut, and the peso firmed against the dollar in thin holiday trading across the region's currency markets.</description></item>
</channel></rss>`, pub, pub)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		io.WriteString(w, strings.ReplaceAll(feed, "{{BASE}}", "http://"+r.Host))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func testConfig(t *testing.T, feedURL string) *config.Config {
	t.Helper()
	src := fmt.Sprintf(`storage:
  path: %s
fetch:
  allow_private_networks: true
  host_gap: -1s
sources:
  - name: wire
    type: rss
    url: %s
    fulltext: never
`, filepath.Join(t.TempDir(), "sovwatch.db"), feedURL)
	cfg, err := config.Parse("test.yaml", []byte(src), func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// startApp loads a config written for a test and starts the app on it,
// with its clock read from *clock and console alerts collected.
func startApp(t *testing.T, name, src string, clock *time.Time) (*App, *syncBuffer) {
	t.Helper()
	cfg, err := config.Parse(name, []byte(src), func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	a, err := New(context.Background(), cfg, Options{Log: quietLog(), Stdout: out, Now: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, out
}

// The whole app, twice and across a restart: a local feed, a real database
// file, the real detector and matcher, and exactly one alert delivered.
func TestOnceDeliversExactlyOnceAcrossRestart(t *testing.T) {
	ctx := context.Background()
	srv, hits := newsFeed(t)
	cfg := testConfig(t, srv.URL+"/feed.xml")
	var out syncBuffer
	opts := Options{Log: quietLog(), Stdout: &out, Now: func() time.Time { return testNow }}

	a, err := New(ctx, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Once(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.Once(ctx); err != nil {
		t.Fatal(err)
	}
	a.Close()
	b, err := New(ctx, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Once(ctx); err != nil {
		t.Fatal(err)
	}
	if *hits != 3 {
		t.Fatalf("feed fetched %d times, want 3", *hits)
	}
	got := out.String()
	if n := strings.Count(got, "── all-statements ──"); n != 1 {
		t.Fatalf("%d alerts delivered, want exactly 1:\n%s", n, got)
	}
	for _, want := range []string{"Claudia Sheinbaum", "Mexico is free, independent and sovereign", srv.URL + "/story/1\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("alert lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Sovereign bond") {
		t.Errorf("the bond-market story alerted:\n%s", got)
	}
}

func TestRunPollsAtStartAndStopsCleanly(t *testing.T) {
	srv, _ := newsFeed(t)
	cfg := testConfig(t, srv.URL+"/feed.xml")
	var out syncBuffer
	cfg.Fetch.Jitter = -1
	a, err := New(context.Background(), cfg, Options{Log: quietLog(), Stdout: &out, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(out.String(), "Claudia Sheinbaum") {
		select {
		case <-deadline:
			cancel()
			t.Fatalf("no alert while running; output so far:\n%s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestMainCommands(t *testing.T) {
	example := filepath.Join("..", "config.example.yaml")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("sources:\n  - name: a\n    type: rss\n    url: https://a.example/\n    schedule: often\nwatchlist: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badQuery := filepath.Join(t.TempDir(), "query.yaml")
	if err := os.WriteFile(badQuery, []byte("detect:\n  people:\n    - name: Ana Pérez\n      country: XX\nwatchlists:\n  - name: w\n    query: 'mexico AND (cuba'\n  - name: v\n    targets: [Mexcio]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   []string
		noOutput string // must not appear anywhere
	}{
		{"version", []string{"version"}, 0, []string{"sovwatch "}, nil, ""},
		{"check example", []string{"check-config", "-config", example}, 0, []string{"(valid)", "presidencia-mx", "mexico-sovereignty", "slack     not configured"}, nil, ""},
		{"check defaults", []string{"check-config"}, 0, []string{"built-in defaults", "all-statements", "bbc-world"}, nil, ""},
		{"flag before command", []string{"-config", example, "check-config"}, 0, []string{"greenland-weekday-digest"}, nil, ""},
		{"bad config", []string{"check-config", "-config", bad}, 1, nil, []string{"bad.yaml:6:1: watchlist: unknown key", `did you mean "watchlists"?`}, ""},
		{"bad query and person", []string{"check-config", "-config", badQuery}, 1, nil, []string{
			"query.yaml:7:5: watchlists[0].query: unbalanced parenthesis",
			"query.yaml:9:5: watchlists[1].targets: unknown country 'Mexcio'",
			"query.yaml:3:11: detect.people[0]: Ana Pérez: unknown country code \"XX\"",
		}, ""},
		{"unknown command", []string{"frobnicate"}, 2, nil, []string{`unknown command "frobnicate"`}, ""},
		{"no command", nil, 2, nil, []string{"Usage:"}, ""},
		{"secret stays hidden", []string{"check-config", "-config", example}, 0, []string{"slack     configured", "[redacted]"}, nil, "xoxb-do-not-print"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := Env{Stdout: &stdout, Stderr: &stderr, Stdin: strings.NewReader(""),
				Getenv: func(k string) string {
					if tt.noOutput != "" && k == "SLACK_BOT_TOKEN" {
						return tt.noOutput
					}
					return ""
				},
				FileExists: func(string) bool { return false },
			}
			code := Main(context.Background(), tt.args, env)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, w := range tt.stdout {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
			if tt.noOutput != "" && strings.Contains(stdout.String()+stderr.String(), tt.noOutput) {
				t.Errorf("secret printed")
			}
		})
	}
}

func TestBrokenWatchlistIsNoticedOnce(t *testing.T) {
	ctx := context.Background()
	srv, _ := newsFeed(t)
	cfg := testConfig(t, srv.URL+"/feed.xml")
	cfg.AdminChannel = "console"
	s, err := storage.Open(ctx, cfg.Storage.Path)
	if err != nil {
		t.Fatal(err)
	}
	// A watchlist saved by an older version whose query no longer compiles.
	if _, err := s.SaveWatchlist(ctx, storage.Watchlist{Platform: "slack", Workspace: "T1", Name: "old", Query: "mexico AND (cuba", Mode: "immediate", Statements: "required", Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var out syncBuffer
	for range 2 {
		a, err := New(ctx, cfg, Options{Log: quietLog(), Stdout: &out, Now: func() time.Time { return testNow }})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Once(ctx); err != nil {
			t.Fatal(err)
		}
		a.Close()
	}
	if n := strings.Count(out.String(), `sovwatch notice ── watchlist "old" no longer compiles`); n != 1 {
		t.Fatalf("%d notices, want 1:\n%s", n, out.String())
	}
	if n := strings.Count(out.String(), "── all-statements ──"); n != 1 {
		t.Fatalf("the broken watchlist stopped the others: %d alerts\n%s", n, out.String())
	}
}
