package delivery

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
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

// queueMany makes n alerts for a watchlist with the given channels.
func queueMany(t *testing.T, n int, channels ...string) (*storage.Store, time.Time) {
	t.Helper()
	s, now := queue(t, channels...)
	ctx := context.Background()
	ws, err := s.Watchlists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items []storage.IngestItem
	for i := 1; i < n; i++ {
		items = append(items, storage.IngestItem{
			Article: news.Article{URL: fmt.Sprintf("https://n.example/more/%d", i), Title: fmt.Sprintf("t%d", i), Fetched: now},
			Alerts:  []storage.AlertDraft{{WatchlistID: ws[0].ID}},
		})
	}
	if _, err := s.Ingest(ctx, storage.IngestBatch{Source: "a", Outcome: storage.PollOutcome{At: now}, Items: items}); err != nil {
		t.Fatal(err)
	}
	return s, now
}

func TestDrainPacesEachChannelInOrder(t *testing.T) {
	ctx := context.Background()
	s, now := queueMany(t, 4, "slack:C1", "slack:C2", "slack:C3", "console")
	var mu sync.Mutex
	seen := map[string][]int64{}
	send := notifierFunc(func(_ context.Context, m Message) (string, bool, error) {
		mu.Lock()
		defer mu.Unlock()
		seen[m.Channel] = append(seen[m.Channel], m.Alert.AlertID)
		return "", false, nil
	})
	d := New(s, map[string]Notifier{"slack": send, "console": send}, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return now })
	var waits []time.Duration
	d.sleep = func(_ context.Context, w time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		waits = append(waits, w)
		return nil
	}
	n, err := d.Drain(ctx)
	if err != nil || n != 16 {
		t.Fatalf("sent %d, %v", n, err)
	}
	for ch, ids := range seen {
		if len(ids) != 4 || !slices.IsSorted(ids) {
			t.Errorf("%s got alerts %v, want all four in order", ch, ids)
		}
	}
	// With the clock standing still, every Slack message after a
	// channel's first waits the second its predecessor booked; the console
	// is not paced.
	slices.Sort(waits)
	want := []time.Duration{0, 0, 0, 0, 0, 0, 0, time.Second, time.Second, time.Second, time.Second, time.Second, time.Second, time.Second, time.Second, time.Second}
	if !slices.Equal(waits, want) {
		t.Fatalf("waits %v, want %v", waits, want)
	}
}

func TestRetryHoldsBackTheChannel(t *testing.T) {
	ctx := context.Background()
	s, now := queueMany(t, 3, "slack:C1")
	clock := now
	var order []int64
	failOnce := true
	d := New(s, map[string]Notifier{"slack": notifierFunc(func(_ context.Context, m Message) (string, bool, error) {
		if m.Alert.AlertID == 1 && failOnce {
			failOnce = false
			return "", true, rateLimited{wait: 30 * time.Second}
		}
		order = append(order, m.Alert.AlertID)
		return "", false, nil
	})}, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return clock })
	d.sleep = func(context.Context, time.Duration) error { return nil }
	if n, _ := d.Drain(ctx); n != 0 {
		t.Fatalf("later alerts overtook the one being retried (%d sent)", n)
	}
	clock = now.Add(31 * time.Second)
	if n, _ := d.Drain(ctx); n != 3 {
		t.Fatalf("after the retry: %d sent", n)
	}
	if !slices.Equal(order, []int64{1, 2, 3}) {
		t.Fatalf("order %v", order)
	}
}

func TestShutdownGivesBackUnsent(t *testing.T) {
	s, now := queueMany(t, 3, "slack:C1")
	ctx, cancel := context.WithCancel(context.Background())
	d := New(s, map[string]Notifier{"slack": notifierFunc(func(context.Context, Message) (string, bool, error) {
		cancel() // shutdown begins during the first send
		return "", false, nil
	})}, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return now })
	n, err := d.Drain(ctx)
	if err != nil || n != 1 {
		t.Fatalf("sent %d, %v; want the message in flight finished", n, err)
	}
	// The two not started are free to claim at once, not after the lease.
	got, err := s.ClaimDeliveries(context.Background(), now, Lease, 10, 10)
	if err != nil || len(got) != 2 || got[0].Attempts != 1 {
		t.Fatalf("after shutdown: %+v %v", got, err)
	}
}

func TestMentionsFor(t *testing.T) {
	c := storage.AlertContent{
		Watchlist: storage.Watchlist{Mentions: []storage.Mention{
			{To: "slack:U0ONCALL", Types: []string{"threat"}, MinConfidence: 0.8},
			{To: "slack:S0DESK"},
			{To: "discord:role:42", Types: []string{"intervention_threat"}},
		}},
		Article: storage.StoredArticle{Statements: []news.Statement{
			{Type: news.InterventionThreat, Confidence: 0.7},
			{Type: news.InterventionRejection, Confidence: 0.95},
		}},
	}
	tests := []struct {
		kind, platform string
		want           []string
	}{
		{storage.KindAlert, "slack", []string{"slack:S0DESK"}}, // the threat is below the on-call bar
		{storage.KindReply, "discord", []string{"discord:role:42"}},
		{storage.KindUpdate, "slack", nil},
		{storage.KindAlert, "console", nil},
	}
	for _, tt := range tests {
		if got := mentionsFor(tt.kind, tt.platform, c); !slices.Equal(got, tt.want) {
			t.Errorf("%s on %s: %v, want %v", tt.kind, tt.platform, got, tt.want)
		}
	}
	c.Article.Statements[0].Confidence = 0.85
	if got := mentionsFor(storage.KindAlert, "slack", c); !slices.Equal(got, []string{"slack:U0ONCALL", "slack:S0DESK"}) {
		t.Errorf("confident threat: %v", got)
	}
}

func TestRefusingDestinationIsLeftAloneThenProbed(t *testing.T) {
	ctx := context.Background()
	s, now := queueMany(t, 3, "discord:9")
	clock := now
	calls := 0
	refuse := true
	var refused []string
	d := New(s, map[string]Notifier{"discord": notifierFunc(func(context.Context, Message) (string, bool, error) {
		calls++
		if refuse {
			return "", false, errors.New("discord: 403 Missing Access")
		}
		return "m1", false, nil
	})}, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return clock })
	d.sleep = func(context.Context, time.Duration) error { return nil }
	d.OnRefused = func(_ context.Context, channel, reason string) { refused = append(refused, channel+" "+reason) }
	if n, _ := d.Drain(ctx); n != 0 {
		t.Fatalf("sent %d to a refusing channel", n)
	}
	if calls != 1 || len(refused) != 1 {
		t.Fatalf("the platform was asked %d times and %d refusals reported; want 1 and 1", calls, len(refused))
	}
	failed, _ := s.Deliveries(ctx, storage.DeliveryFailed)
	if len(failed) != 3 || !strings.Contains(failed[2].LastError, "refuses messages since") {
		t.Fatalf("failed: %+v", failed)
	}
	// After the refusal period one message tries again; success clears it.
	refuse = false
	clock = now.Add(RefusalPeriod + time.Minute)
	ws, _ := s.Watchlists(ctx)
	if _, err := s.Ingest(ctx, storage.IngestBatch{Source: "a", Outcome: storage.PollOutcome{At: clock}, Items: []storage.IngestItem{
		{Article: news.Article{URL: "https://n.example/later", Title: "later", Fetched: clock}, Alerts: []storage.AlertDraft{{WatchlistID: ws[0].ID}}},
	}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.Drain(ctx); n != 1 || calls != 2 {
		t.Fatalf("probe: sent %d, calls %d", n, calls)
	}
	if _, ok, _ := s.DestinationRefusal(ctx, "discord:9"); ok {
		t.Fatal("the refusal was not cleared by a successful send")
	}
}
