package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/delivery"
	"sovwatch/storage"
)

// memOutbox is a delivery.Store in memory, enough to run the real
// deliverer against the notifiers.
type memOutbox struct {
	mu    sync.Mutex
	rows  []storage.Delivery
	alert storage.AlertContent
}

func (m *memOutbox) ClaimDeliveries(_ context.Context, now time.Time, _ time.Duration, limit int) ([]storage.Delivery, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []storage.Delivery
	for i := range m.rows {
		r := &m.rows[i]
		if r.Status == storage.DeliveryPending && !r.NextAttempt.After(now) && len(out) < limit {
			r.Attempts++
			r.NextAttempt = now.Add(time.Hour) // the lease
			out = append(out, *r)
		}
	}
	return out, nil
}

func (m *memOutbox) AlertContent(context.Context, int64) (storage.AlertContent, error) {
	return m.alert, nil
}

func (m *memOutbox) update(id int64, f func(r *storage.Delivery)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.rows {
		if m.rows[i].ID == id {
			f(&m.rows[i])
			return nil
		}
	}
	return storage.ErrNotFound
}

func (m *memOutbox) MarkDelivered(_ context.Context, id int64, remoteID string, at time.Time) error {
	return m.update(id, func(r *storage.Delivery) { r.Status, r.RemoteID, r.SentAt = storage.DeliverySent, remoteID, at })
}

func (m *memOutbox) MarkRetry(_ context.Context, id int64, msg string, next time.Time) error {
	return m.update(id, func(r *storage.Delivery) { r.LastError, r.NextAttempt = msg, next })
}

func (m *memOutbox) MarkFailed(_ context.Context, id int64, msg string) error {
	return m.update(id, func(r *storage.Delivery) { r.Status, r.LastError = storage.DeliveryFailed, msg })
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
	store := &memOutbox{alert: richAlert()}
	for i, ch := range []string{"slack:C1", "discord:42", "discord:43"} {
		store.rows = append(store.rows, storage.Delivery{ID: int64(i + 1), AlertID: 1, Channel: ch, Status: storage.DeliveryPending, NextAttempt: now})
	}
	d := delivery.New(store, map[string]delivery.Notifier{"slack": sl, "discord": dc}, discardLog(), func() time.Time { return now })

	ctx := context.Background()
	if _, err := d.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	byID := func(id int64) storage.Delivery { return store.rows[id-1] }
	if r := byID(1); r.Status != storage.DeliveryPending || r.NextAttempt.Before(now.Add(120*time.Second)) {
		t.Errorf("slack after 429: %+v", r)
	}
	if r := byID(2); r.Status != storage.DeliveryPending || !strings.Contains(r.LastError, "HTTP 502") {
		t.Errorf("discord after 502: %+v", r)
	}
	if r := byID(3); r.Status != storage.DeliveryFailed || !strings.Contains(r.LastError, "Unknown Channel") {
		t.Errorf("discord unknown channel: %+v", r)
	}

	now = now.Add(time.Hour)
	if n, err := d.Drain(ctx); err != nil || n != 2 {
		t.Fatalf("second drain sent %d: %v", n, err)
	}
	if r := byID(1); r.Status != storage.DeliverySent || r.RemoteID != "1732560000.000100" {
		t.Errorf("slack: %+v", r)
	}
	if r := byID(2); r.Status != storage.DeliverySent || r.RemoteID != "1310000000000000001" {
		t.Errorf("discord: %+v", r)
	}
	// Both Discord attempts of delivery 2 carried the same nonce.
	var nonces []string
	for _, r := range fd.requests {
		if r.path == "/api/v10/channels/42/messages" {
			nonces = append(nonces, fmt.Sprint(r.body["nonce"]))
		}
	}
	if len(nonces) != 2 || nonces[0] != nonces[1] || nonces[0] != "sw2" {
		t.Errorf("nonces %v", nonces)
	}
	for _, r := range store.rows {
		if strings.Contains(r.LastError, slackToken) || strings.Contains(r.LastError, discordToken) {
			t.Errorf("token in recorded error %q", r.LastError)
		}
	}
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
