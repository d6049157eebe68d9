package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sovwatch/config"
	"sovwatch/news"
	"sovwatch/storage"
	"sovwatch/watchers"
)

type pollerFunc func(ctx context.Context, src config.Source, st watchers.FetchState) (watchers.PollResult, error)

func (f pollerFunc) Poll(ctx context.Context, src config.Source, st watchers.FetchState) (watchers.PollResult, error) {
	return f(ctx, src, st)
}

// keywordAnalyzer finds a statement wherever the body says "sovereign",
// enough to drive the pipeline without the real detector.
type keywordAnalyzer struct{}

func (keywordAnalyzer) Analyze(a news.Article) (string, []news.Statement) {
	if strings.Contains(a.Body(), "sovereign") {
		return "en", []news.Statement{{Type: news.SovereigntyAssertion, Actor: "MX", Confidence: 0.9}}
	}
	return "en", nil
}

type matchAll struct{ watchlistID int64 }

func (m matchAll) Match(a news.Article, st []news.Statement) []storage.AlertDraft {
	if len(st) == 0 {
		return nil
	}
	return []storage.AlertDraft{{WatchlistID: m.watchlistID}}
}

type noticeRecorder struct{ keys []string }

func (n *noticeRecorder) Notice(_ context.Context, key, _ string) { n.keys = append(n.keys, key) }

type retryErr struct{ d time.Duration }

func (e retryErr) Error() string             { return "429 too many requests" }
func (e retryErr) RetryDelay() time.Duration { return e.d }

type fixture struct {
	store   *storage.Store
	p       *Pipeline
	now     time.Time
	poll    func(st watchers.FetchState) (watchers.PollResult, error)
	notices *noticeRecorder
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), notices: &noticeRecorder{}}
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	spec, _ := json.Marshal(config.Source{Name: "feed", Type: "rss", URL: "https://feed.example/rss"})
	if err := s.SyncConfigSources(ctx, []storage.SourceDef{{Name: "feed", Type: "rss", URL: "https://feed.example/rss", Kind: "media", Spec: string(spec), Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	w, err := s.SaveWatchlist(ctx, storage.Watchlist{Platform: storage.PlatformConfig, Name: "all", Mode: "immediate", Statements: "required", Timezone: "UTC", Channels: []string{"console"}})
	if err != nil {
		t.Fatal(err)
	}
	f.store = s
	f.p = &Pipeline{
		Store: s, Analyzer: keywordAnalyzer{}, Matcher: matchAll{w.ID}, Noticer: f.notices,
		Log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:    func() time.Time { return f.now },
		Jitter: func() float64 { return 0 },
		Poller: pollerFunc(func(_ context.Context, src config.Source, st watchers.FetchState) (watchers.PollResult, error) {
			if src.URL != "https://feed.example/rss" {
				t.Errorf("poller got source %+v", src)
			}
			return f.poll(st)
		}),
		FirstPollWindow: 6 * time.Hour,
		MaxAge:          72 * time.Hour,
	}
	return f
}

func item(n string, published time.Time, body string) news.Article {
	return news.Article{URL: "https://news.example/" + n, Title: n, Summary: body, Published: published, Source: "feed"}
}

func TestFirstPollDoesNotFlood(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	items := []news.Article{
		item("fresh", f.now.Add(-time.Hour), "Mexico is sovereign"),
		item("yesterday", f.now.Add(-20*time.Hour), "Panama is sovereign"),
		item("undated", time.Time{}, "Greenland is sovereign"),
		item("quiet", f.now.Add(-time.Hour), "weather report"),
	}
	f.poll = func(st watchers.FetchState) (watchers.PollResult, error) {
		return watchers.PollResult{Articles: items, State: watchers.FetchState{ETag: `"1"`}}, nil
	}
	rep, err := f.p.Poll(ctx, "feed", false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 4 || rep.Alerts != 1 || rep.Deliveries != 1 {
		t.Fatalf("first poll: %+v, want 4 stored and only the fresh dated one alerting", rep)
	}
	// Later polls alert on anything new and recent, dated or not, but never
	// on what is older than max_age; known items become sightings.
	items = append(items,
		item("new-yesterday", f.now.Add(-20*time.Hour), "Cuba is sovereign"),
		item("new-undated", time.Time{}, "Canada is sovereign"),
		item("ancient", f.now.Add(-100*time.Hour), "Peru is sovereign"),
	)
	var gotState watchers.FetchState
	f.poll = func(st watchers.FetchState) (watchers.PollResult, error) {
		gotState = st
		return watchers.PollResult{Articles: items}, nil
	}
	f.now = f.now.Add(10 * time.Minute)
	rep, err = f.p.Poll(ctx, "feed", false)
	if err != nil {
		t.Fatal(err)
	}
	if gotState.ETag != `"1"` {
		t.Fatalf("second poll sent state %+v, want the stored ETag", gotState)
	}
	if rep.New != 3 || rep.Alerts != 2 {
		t.Fatalf("second poll: %+v", rep)
	}
	pending, _ := f.store.Deliveries(ctx, storage.DeliveryPending)
	if len(pending) != 3 {
		t.Fatalf("%d deliveries queued in all, want 3", len(pending))
	}
}

func TestNotModifiedRecordsSuccessOnly(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.poll = func(watchers.FetchState) (watchers.PollResult, error) {
		return watchers.PollResult{NotModified: true, State: watchers.FetchState{ETag: `"7"`}}, nil
	}
	rep, err := f.p.Poll(ctx, "feed", false)
	if err != nil || !rep.NotModified {
		t.Fatalf("%+v %v", rep, err)
	}
	src, _ := f.store.Source(ctx, "feed")
	if src.ETag != `"7"` || src.LastSuccess.IsZero() {
		t.Fatalf("304 not recorded: %+v", src)
	}
}

func TestFailuresBackOffAndAreReportedOnce(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	calls := 0
	f.poll = func(watchers.FetchState) (watchers.PollResult, error) {
		calls++
		return watchers.PollResult{}, retryErr{d: 2 * time.Hour}
	}
	start := f.now
	if _, err := f.p.Poll(ctx, "feed", false); err == nil {
		t.Fatal("a failed poll returned no error")
	}
	src, _ := f.store.Source(ctx, "feed")
	if !src.NextAttempt.Equal(start.Add(2*time.Hour)) || src.Failures != 1 || !strings.Contains(src.LastError, "429") {
		t.Fatalf("after one failure: %+v", src)
	}
	f.now = start.Add(time.Hour)
	rep, err := f.p.Poll(ctx, "feed", false)
	if err != nil || rep.Skipped == "" || calls != 1 {
		t.Fatalf("poll during backoff ran: %+v %v (calls %d)", rep, err, calls)
	}
	// Keep failing for more than a day: one notice, not one per poll.
	for range 6 {
		f.now = f.now.Add(7 * time.Hour)
		f.p.Poll(ctx, "feed", true)
	}
	if len(f.notices.keys) != 1 || f.notices.keys[0] != fmt.Sprintf("source-failing:feed:%d", start.Unix()) {
		t.Fatalf("notices: %v", f.notices.keys)
	}
	// Recovery resets the state, so the next long failure is reported again.
	f.poll = func(watchers.FetchState) (watchers.PollResult, error) { return watchers.PollResult{}, nil }
	if _, err := f.p.Poll(ctx, "feed", true); err != nil {
		t.Fatal(err)
	}
	src, _ = f.store.Source(ctx, "feed")
	if src.Failures != 0 || src.FailureReported {
		t.Fatalf("after recovery: %+v", src)
	}
}

func TestDisabledAndUnknownSources(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if _, err := f.p.Poll(ctx, "nope", false); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("unknown source: %v", err)
	}
	if err := f.store.SetSourceEnabled(ctx, "feed", false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.p.Poll(ctx, "feed", false); !errors.Is(err, ErrDisabled) {
		t.Fatalf("disabled source: %v", err)
	}
}
