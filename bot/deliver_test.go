package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/delivery"
	"sovwatch/storage"
)

// outbox stores one alert, as ingest would, queued to each channel.
func outbox(t *testing.T, at time.Time, channels ...string) (*storage.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "o.db"), storage.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SyncConfigSources(ctx, []storage.SourceDef{{Name: "desk-wire", Type: "rss", URL: "https://wire.example/", Kind: "media", Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	w, err := s.SaveWatchlist(ctx, storage.Watchlist{Platform: storage.PlatformConfig, Name: "mexico-sovereignty", Mode: "immediate", Timezone: "UTC", Channels: channels})
	if err != nil {
		t.Fatal(err)
	}
	a := richAlert()
	a.Article.Fetched = at
	if _, err := s.Ingest(ctx, storage.IngestBatch{Source: "desk-wire", Outcome: storage.PollOutcome{At: at}, Items: []storage.IngestItem{
		{Article: a.Article.Article, Statements: a.Article.Statements, Alerts: []storage.AlertDraft{{WatchlistID: w.ID, Reason: a.Reason}}},
	}}); err != nil {
		t.Fatal(err)
	}
	pending, err := s.Deliveries(ctx, storage.DeliveryPending)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, d := range pending {
		ids[d.Channel] = d.ID
	}
	return s, ids
}

func delivered(t *testing.T, s *storage.Store, id int64) storage.Delivery {
	t.Helper()
	for _, status := range []string{storage.DeliveryPending, storage.DeliverySent, storage.DeliveryFailed} {
		ds, err := s.Deliveries(context.Background(), status)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.ID == id {
				return d
			}
		}
	}
	t.Fatalf("no delivery %d", id)
	return storage.Delivery{}
}

// TestDelivererWithChatNotifiers runs the real deliverer through both
// notifiers: a 429 waits at least its Retry-After, a 5xx retries, a
// permanent refusal stops, and the platforms' IDs are recorded.
func TestDelivererWithChatNotifiers(t *testing.T) {
	var slackCalls int
	var mu sync.Mutex
	sl, _ := newTestSlack(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		slackCalls++
		n := slackCalls
		mu.Unlock()
		if n == 1 {
			slackStatus(429, "120")(w, r)
			return
		}
		slackOK(w, r)
	})
	discordCalls := map[string]int{}
	dc, fd := newTestDiscord(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		discordCalls[r.URL.Path]++
		n := discordCalls[r.URL.Path]
		mu.Unlock()
		switch {
		case strings.Contains(r.URL.Path, "/channels/43/"):
			discordStatus(404, nil, `{"message":"Unknown Channel","code":10003}`)(w, r)
		case n == 1:
			discordStatus(502, nil, "bad gateway")(w, r)
		default:
			discordOK(w, r)
		}
	})

	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	store, ids := outbox(t, now, "slack:C1", "discord:42", "discord:43")
	d := delivery.New(store, map[string]delivery.Notifier{"slack": sl, "discord": dc}, discardLog(), func() time.Time { return now })

	ctx := context.Background()
	if _, err := d.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	byChannel := func(ch string) storage.Delivery { return delivered(t, store, ids[ch]) }
	if r := byChannel("slack:C1"); r.Status != storage.DeliveryPending || r.NextAttempt.Before(now.Add(120*time.Second)) {
		t.Errorf("slack after 429: %+v", r)
	}
	if r := byChannel("discord:42"); r.Status != storage.DeliveryPending || !strings.Contains(r.LastError, "HTTP 502") {
		t.Errorf("discord after 502: %+v", r)
	}
	if r := byChannel("discord:43"); r.Status != storage.DeliveryFailed || !strings.Contains(r.LastError, "Unknown Channel") {
		t.Errorf("discord unknown channel: %+v", r)
	}

	now = now.Add(time.Hour)
	if n, err := d.Drain(ctx); err != nil || n != 2 {
		t.Fatalf("second drain sent %d: %v", n, err)
	}
	if r := byChannel("slack:C1"); r.Status != storage.DeliverySent || r.RemoteID != "1732560000.000100" {
		t.Errorf("slack: %+v", r)
	}
	if r := byChannel("discord:42"); r.Status != storage.DeliverySent || r.RemoteID != "1310000000000000001" {
		t.Errorf("discord: %+v", r)
	}
	// Both Discord attempts of delivery 2 carried the same nonce.
	var nonces []string
	for _, r := range fd.requests {
		if r.path == "/api/v10/channels/42/messages" {
			nonces = append(nonces, fmt.Sprint(r.body["nonce"]))
		}
	}
	if want := Nonce(ids["discord:42"]); len(nonces) != 2 || nonces[0] != nonces[1] || nonces[0] != want {
		t.Errorf("nonces %v, want two of %s", nonces, want)
	}
	for _, ch := range []string{"slack:C1", "discord:42", "discord:43"} {
		if r := byChannel(ch); strings.Contains(r.LastError, slackToken) || strings.Contains(r.LastError, discordToken) {
			t.Errorf("token in recorded error %q", r.LastError)
		}
	}
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
