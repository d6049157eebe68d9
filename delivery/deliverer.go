// Package delivery drains the outbox: it claims due deliveries, hands each
// to the notifier of its channel's platform and records the outcome only
// after the platform answered, so nothing is lost to a failure or a crash.
package delivery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"sovwatch/storage"
)

// Store is what the deliverer needs of the database.
type Store interface {
	ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]storage.Delivery, error)
	AlertContent(ctx context.Context, alertID int64) (storage.AlertContent, error)
	MarkDelivered(ctx context.Context, id int64, remoteID string, at time.Time) error
	MarkRetry(ctx context.Context, id int64, msg string, next time.Time) error
	MarkFailed(ctx context.Context, id int64, msg string) error
}

// Message is one alert for one channel.
type Message struct {
	DeliveryID int64
	Channel    string // the platform's channel ID; empty for the console
	Attempt    int
	Alert      storage.AlertContent
}

// Notifier sends messages to one platform. It returns the platform's ID
// for the message when it has one. On failure, retry says whether trying
// again later can succeed; an error may carry RetryDelay() time.Duration
// when the platform said how long to wait.
type Notifier interface {
	Send(ctx context.Context, m Message) (remoteID string, retry bool, err error)
}

// Retry bounds.
const (
	RetryBase   = 5 * time.Second
	RetryMax    = 30 * time.Minute
	MaxAttempts = 25
	Lease       = 2 * time.Minute
)

// Deliverer drains the outbox.
type Deliverer struct {
	store     Store
	notifiers map[string]Notifier // by platform: slack, discord, console
	log       *slog.Logger
	now       func() time.Time
	wake      chan struct{}
}

// New returns a deliverer sending through notifiers keyed by platform.
func New(store Store, notifiers map[string]Notifier, log *slog.Logger, now func() time.Time) *Deliverer {
	return &Deliverer{store: store, notifiers: notifiers, log: log, now: now, wake: make(chan struct{}, 1)}
}

// Wake makes a running deliverer look at the outbox now.
func (d *Deliverer) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run drains the outbox until ctx ends, looking at it every interval and
// whenever woken. The delivery in progress when ctx ends is finished.
func (d *Deliverer) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.Drain(ctx); err != nil && ctx.Err() == nil {
			d.log.Error("outbox", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-d.wake:
		}
	}
}

// Drain sends every delivery due now and returns how many were sent.
// Deliveries that must wait (a retry later) are left for a later call.
func (d *Deliverer) Drain(ctx context.Context) (int, error) {
	sent := 0
	for ctx.Err() == nil {
		batch, err := d.store.ClaimDeliveries(context.WithoutCancel(ctx), d.now(), Lease, 50)
		if err != nil {
			return sent, err
		}
		if len(batch) == 0 {
			return sent, nil
		}
		for _, dl := range batch {
			if ctx.Err() != nil {
				// Unsent claims are released by their lease running out.
				return sent, nil
			}
			if d.deliver(context.WithoutCancel(ctx), dl) {
				sent++
			}
		}
	}
	return sent, nil
}

// deliver sends one delivery and records the outcome. It runs to the end
// even when shutdown begins, so a sent message is always recorded as sent.
func (d *Deliverer) deliver(ctx context.Context, dl storage.Delivery) bool {
	log := d.log.With("channel", dl.Channel, "attempt", dl.Attempts)
	platform, channelID, _ := strings.Cut(dl.Channel, ":")
	n, ok := d.notifiers[platform]
	if !ok {
		d.record(log, d.store.MarkFailed(ctx, dl.ID, fmt.Sprintf("no %s connection is configured", platform)))
		log.Error("delivery dropped: platform not configured", "platform", platform)
		return false
	}
	content, err := d.store.AlertContent(ctx, dl.AlertID)
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			d.record(log, d.store.MarkFailed(ctx, dl.ID, "the alert no longer exists"))
			return false
		}
		d.retry(ctx, log, dl, err, 0)
		return false
	}
	log = log.With("watchlist", content.Watchlist.Name, "article", content.Article.URL)
	remoteID, retry, err := n.Send(ctx, Message{DeliveryID: dl.ID, Channel: channelID, Attempt: dl.Attempts, Alert: content})
	if err == nil {
		d.record(log, d.store.MarkDelivered(ctx, dl.ID, remoteID, d.now()))
		log.Debug("delivered")
		return true
	}
	if !retry || dl.Attempts >= MaxAttempts {
		d.record(log, d.store.MarkFailed(ctx, dl.ID, err.Error()))
		log.Error("delivery failed for good", "err", err)
		return false
	}
	var ra interface{ RetryDelay() time.Duration }
	var wait time.Duration
	if errors.As(err, &ra) {
		wait = ra.RetryDelay()
	}
	d.retry(ctx, log, dl, err, wait)
	return false
}

func (d *Deliverer) retry(ctx context.Context, log *slog.Logger, dl storage.Delivery, err error, wait time.Duration) {
	next := d.now().Add(max(RetryDelay(dl.Attempts, rand.Float64()), wait))
	log.Warn("delivery will be retried", "err", err, "next_attempt", next.Format(time.RFC3339))
	d.record(log, d.store.MarkRetry(ctx, dl.ID, err.Error(), next))
}

func (d *Deliverer) record(log *slog.Logger, err error) {
	if err != nil {
		log.Error("could not record delivery outcome", "err", err)
	}
}

// RetryDelay is the wait before attempt+1: exponential from RetryBase,
// capped at RetryMax, with full jitter over its upper half (r in [0,1)).
func RetryDelay(attempt int, r float64) time.Duration {
	d := RetryMax
	if attempt < 20 {
		d = min(RetryBase<<max(attempt-1, 0), RetryMax)
	}
	return d/2 + time.Duration(float64(d/2)*r)
}
