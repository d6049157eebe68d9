package delivery

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sovwatch/news"
	"sovwatch/storage"
)

type notifierFunc func(ctx context.Context, m Message) (string, bool, error)

func (f notifierFunc) Send(ctx context.Context, m Message) (string, bool, error) { return f(ctx, m) }

type rateLimited struct{ wait time.Duration }

func (e rateLimited) Error() string             { return "rate limited" }
func (e rateLimited) RetryDelay() time.Duration { return e.wait }

// queue makes one alert for a watchlist with the given channels.
func queue(t *testing.T, channels ...string) (*storage.Store, time.Time) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	if err := s.SyncConfigSources(ctx, []storage.SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	w, err := s.SaveWatchlist(ctx, storage.Watchlist{Platform: storage.PlatformConfig, Name: "w", Mode: "immediate", Timezone: "UTC", Channels: channels})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Ingest(ctx, storage.IngestBatch{Source: "a", Outcome: storage.PollOutcome{At: now}, Items: []storage.IngestItem{{
		Article:    news.Article{URL: "https://n.example/1", Title: "t", Fetched: now},
		Statements: []news.Statement{{Type: news.InterventionThreat, Actor: "US", Targets: []string{"MX"}, Confidence: 0.8}},
		Alerts:     []storage.AlertDraft{{WatchlistID: w.ID}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return s, now
}

func TestDeliverOutcomes(t *testing.T) {
	ctx := context.Background()
	s, now := queue(t, "console", "slack:C1", "discord:9", "teams:x")
	var mu sync.Mutex
	sent := map[string]int{}
	slackCalls := 0
	notifiers := map[string]Notifier{
		"console": notifierFunc(func(_ context.Context, m Message) (string, bool, error) {
			mu.Lock()
			defer mu.Unlock()
			sent["console"]++
			if m.Alert.Article.Statements[0].Targets[0] != "MX" {
				t.Errorf("message lacks the alert content: %+v", m.Alert)
			}
			return "", false, nil
		}),
		"slack": notifierFunc(func(_ context.Context, m Message) (string, bool, error) {
			slackCalls++
			if m.Channel != "C1" {
				t.Errorf("slack got channel %q", m.Channel)
			}
			if slackCalls == 1 {
				return "", true, rateLimited{wait: time.Minute}
			}
			return "1700000000.000100", false, nil
		}),
		"discord": notifierFunc(func(context.Context, Message) (string, bool, error) {
			return "", false, errors.New("discord: 403 Missing Access")
		}),
	}
	clock := now
	d := New(s, notifiers, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return clock })
	n, err := d.Drain(ctx)
	if err != nil || n != 1 {
		t.Fatalf("first drain sent %d, %v", n, err)
	}
	clock = now.Add(30 * time.Second) // before Retry-After
	if n, _ := d.Drain(ctx); n != 0 {
		t.Fatalf("retried before Retry-After: %d", n)
	}
	clock = now.Add(61 * time.Second)
	if n, _ := d.Drain(ctx); n != 1 {
		t.Fatalf("retry after Retry-After sent %d", n)
	}
	done, _ := s.Deliveries(ctx, storage.DeliverySent)
	failed, _ := s.Deliveries(ctx, storage.DeliveryFailed)
	pending, _ := s.Deliveries(ctx, storage.DeliveryPending)
	if len(done) != 2 || len(failed) != 2 || len(pending) != 0 || sent["console"] != 1 {
		t.Fatalf("sent %d failed %d pending %d console %d", len(done), len(failed), len(pending), sent["console"])
	}
	for _, f := range failed {
		if f.LastError == "" {
			t.Errorf("failure without a reason: %+v", f)
		}
	}
}

func TestRetryDelay(t *testing.T) {
	tests := []struct {
		attempt int
		r       float64
		want    time.Duration
	}{
		{1, 0, 2500 * time.Millisecond},
		{1, 0.999999, 5 * time.Second},
		{3, 0, 10 * time.Second},
		{30, 0, RetryMax / 2},
		{12, 0.5, RetryMax * 3 / 4},
	}
	for _, tt := range tests {
		got := RetryDelay(tt.attempt, tt.r)
		if got < tt.want-time.Millisecond || got > tt.want+time.Millisecond {
			t.Errorf("RetryDelay(%d, %v) = %v, want %v", tt.attempt, tt.r, got, tt.want)
		}
	}
}
