// Package delivery drains the outbox: it claims due deliveries, hands each
// to the notifier of its channel's platform and records the outcome only
// after the platform answered, so nothing is lost to a failure or a crash.
package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"sovwatch/digest"
	"sovwatch/news"
	"sovwatch/storage"
)

// Store is what the deliverer needs of the database.
type Store interface {
	ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit, perChannel int) ([]storage.Delivery, error)
	ReleaseDeliveries(ctx context.Context, ids []int64) error
	DeliveryContent(ctx context.Context, d storage.Delivery) (storage.AlertContent, error)
	PostedMessage(ctx context.Context, alertID int64, channel string) (string, error)
	MarkDelivered(ctx context.Context, id int64, remoteID string, at time.Time) error
	MarkRetry(ctx context.Context, id int64, msg string, next time.Time) error
	MarkFailed(ctx context.Context, id int64, msg string) error
	DestinationRefusal(ctx context.Context, channel string) (storage.Refusal, bool, error)
	RefuseDestination(ctx context.Context, channel, reason string, at, until time.Time) error
	ClearRefusal(ctx context.Context, channel string) error
}

// Message is one alert, or one operational notice, for one channel.
type Message struct {
	DeliveryID int64
	Kind       string // storage.KindAlert, KindUpdate, KindReply or KindNotice
	Channel    string // the platform's channel ID; empty for the console
	Attempt    int
	Alert      storage.AlertContent // for an alert, update or reply
	Notice     string               // for a notice (Alert is then empty)
	Digest     *digest.Digest       // for a digest (Alert holds only its watchlist)
	// RemoteID is the platform's ID of the posted alert an update edits or
	// a reply answers in its thread.
	RemoteID string
	// Mentions are the watchlist's configured mentions (slack:U…,
	// discord:role:…) that this message's statements call for, on this
	// channel's platform. Nothing else may ever be mentioned.
	Mentions []string
}

// mentionsFor picks the watchlist's mentions that apply to a message on a
// platform: those whose types and minimum confidence one of the statements
// meets. Updates never mention: an edit must not ping again.
func mentionsFor(kind, platform string, c storage.AlertContent) []string {
	if kind != storage.KindAlert && kind != storage.KindReply {
		return nil
	}
	var out []string
	for _, m := range c.Watchlist.Mentions {
		if !strings.HasPrefix(m.To, platform+":") {
			continue
		}
		for _, st := range c.Article.Statements {
			if st.Confidence >= m.MinConfidence && (len(m.Types) == 0 || typeIn(st.Type, m.Types)) {
				out = append(out, m.To)
				break
			}
		}
	}
	return out
}

func typeIn(t news.StatementType, names []string) bool {
	for _, n := range names {
		if pt, ok := news.ParseStatementType(n); ok && pt == t {
			return true
		}
	}
	return false
}

// Notifier sends messages to one platform. It returns the platform's ID
// for the message when it has one. On failure, retry says whether trying
// again later can succeed; an error may carry RetryDelay() time.Duration
// when the platform said how long to wait.
type Notifier interface {
	Send(ctx context.Context, m Message) (remoteID string, retry bool, err error)
}

// DigestPayload is what a digest delivery carries: the digest and the time
// zone its watchlist reads times in.
type DigestPayload struct {
	Timezone string        `json:"timezone"`
	Digest   digest.Digest `json:"digest"`
}

// Updater is a Notifier that can edit a posted message (m.RemoteID).
type Updater interface {
	Update(ctx context.Context, m Message) (retry bool, err error)
}

// Replier is a Notifier that can reply in the thread of a posted message
// (m.RemoteID).
type Replier interface {
	Reply(ctx context.Context, m Message) (remoteID string, retry bool, err error)
}

// Retry bounds and batch sizes.
const (
	RetryBase   = 5 * time.Second
	RetryMax    = 30 * time.Minute
	MaxAttempts = 25
	Lease       = 2 * time.Minute
	// BatchSize and PerChannel bound one claim: a channel's few oldest
	// messages, across as many channels as have some.
	BatchSize  = 500
	PerChannel = 5
	// MaxParallelChannels bounds the channels sent to at once.
	MaxParallelChannels = 128
	// RefusalPeriod is how long a destination that refused a message for
	// good is not sent to; then one message tries it again.
	RefusalPeriod = time.Hour
)

// SlackPacing is the gap kept between two messages to one Slack channel:
// Slack allows about one message per second per channel. Discord's own
// rate-limit buckets pace it inside its notifier; the console needs none.
const SlackPacing = time.Second

// Deliverer drains the outbox: channels in parallel, each channel's
// messages in order and paced.
type Deliverer struct {
	store     Store
	notifiers map[string]Notifier // by platform: slack, discord, console
	log       *slog.Logger
	now       func() time.Time
	sleep     func(ctx context.Context, d time.Duration) error
	pacing    map[string]time.Duration
	wake      chan struct{}
	// OnRefused, when set, hears of every destination that refused a
	// message for good, so an administrator can be told.
	OnRefused func(ctx context.Context, channel, reason string)

	mu     sync.Mutex
	nextAt map[string]time.Time // by channel: when it may be sent to again
}

// New returns a deliverer sending through notifiers keyed by platform,
// pacing Slack channels by SlackPacing.
func New(store Store, notifiers map[string]Notifier, log *slog.Logger, now func() time.Time) *Deliverer {
	return &Deliverer{
		store: store, notifiers: notifiers, log: log, now: now, sleep: sleepCtx,
		pacing: map[string]time.Duration{"slack": SlackPacing}, wake: make(chan struct{}, 1), nextAt: map[string]time.Time{},
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
// When ctx ends, messages being sent are finished and recorded, and the
// ones not yet started are given back at once.
func (d *Deliverer) Drain(ctx context.Context) (int, error) {
	var sent atomic.Int64
	for ctx.Err() == nil {
		batch, err := d.store.ClaimDeliveries(context.WithoutCancel(ctx), d.now(), Lease, BatchSize, PerChannel)
		if err != nil {
			return int(sent.Load()), err
		}
		if len(batch) == 0 {
			break
		}
		var order []string
		byChannel := map[string][]storage.Delivery{}
		for _, dl := range batch {
			if _, ok := byChannel[dl.Channel]; !ok {
				order = append(order, dl.Channel)
			}
			byChannel[dl.Channel] = append(byChannel[dl.Channel], dl)
		}
		var wg sync.WaitGroup
		sem := make(chan struct{}, MaxParallelChannels)
		for _, ch := range order {
			wg.Add(1)
			sem <- struct{}{}
			go func(queue []storage.Delivery) {
				defer wg.Done()
				defer func() { <-sem }()
				sent.Add(int64(d.drainChannel(ctx, queue)))
			}(byChannel[ch])
		}
		wg.Wait()
	}
	return int(sent.Load()), nil
}

// drainChannel sends one channel's claimed messages in order, paced. A
// message to be retried holds back the rest, which are given back so they
// follow it.
func (d *Deliverer) drainChannel(ctx context.Context, queue []storage.Delivery) int {
	sent := 0
	for i, dl := range queue {
		if err := d.waitTurn(ctx, dl.Channel); err != nil {
			d.release(queue[i:])
			return sent
		}
		ok, held := d.deliver(context.WithoutCancel(ctx), dl)
		d.sent(dl.Channel)
		if ok {
			sent++
		}
		if held {
			d.release(queue[i+1:])
			return sent
		}
	}
	return sent
}

func (d *Deliverer) release(rest []storage.Delivery) {
	if len(rest) == 0 {
		return
	}
	ids := make([]int64, len(rest))
	for i, dl := range rest {
		ids[i] = dl.ID
	}
	if err := d.store.ReleaseDeliveries(context.Background(), ids); err != nil {
		d.log.Error("could not give back unsent deliveries; their lease will", "channel", rest[0].Channel, "err", err)
	}
}

// waitTurn waits until the channel may be sent to.
func (d *Deliverer) waitTurn(ctx context.Context, channel string) error {
	d.mu.Lock()
	wait := max(d.nextAt[channel].Sub(d.now()), 0)
	d.mu.Unlock()
	return d.sleep(ctx, wait)
}

// sent books the channel's next slot one pacing interval after a send
// finished. Counting from the answer rather than the request keeps the gap
// the platform sees at least the interval, however long the request took
// to arrive.
func (d *Deliverer) sent(channel string) {
	platform, _, _ := strings.Cut(channel, ":")
	d.holdChannel(channel, d.now().Add(d.pacing[platform]))
}

// holdChannel keeps a channel quiet until t, when the platform said so.
func (d *Deliverer) holdChannel(channel string, t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.nextAt[channel].Before(t) {
		d.nextAt[channel] = t
	}
}

// deliver sends one delivery and records the outcome. It runs to the end
// even when shutdown begins, so a sent message is always recorded as sent.
// It reports whether the message was sent, and whether it is held for a
// retry (so the channel's later messages must wait for it).
func (d *Deliverer) deliver(ctx context.Context, dl storage.Delivery) (sent, held bool) {
	log := d.log.With("channel", dl.Channel, "attempt", dl.Attempts)
	platform, channelID, _ := strings.Cut(dl.Channel, ":")
	n, ok := d.notifiers[platform]
	if !ok {
		d.record(log, d.store.MarkFailed(ctx, dl.ID, fmt.Sprintf("no %s connection is configured", platform)))
		log.Error("delivery dropped: platform not configured", "platform", platform)
		return false, false
	}
	refusal, refused, err := d.store.DestinationRefusal(ctx, dl.Channel)
	if err != nil {
		d.retry(ctx, log, dl, err, 0)
		return false, true
	}
	if refused && d.now().Before(refusal.Until) {
		// Known to refuse: do not knock again until the period is over.
		d.record(log, d.store.MarkFailed(ctx, dl.ID, fmt.Sprintf("not sent: the destination refuses messages since %s (%s)",
			refusal.At.UTC().Format(time.RFC3339), refusal.Reason)))
		return false, false
	}
	m := Message{DeliveryID: dl.ID, Kind: dl.Kind, Channel: channelID, Attempt: dl.Attempts}
	switch dl.Kind {
	case storage.KindNotice:
		m.Notice = dl.Payload
	case storage.KindDigest:
		var p DigestPayload
		if err := json.Unmarshal([]byte(dl.Payload), &p); err != nil {
			d.record(log, d.store.MarkFailed(ctx, dl.ID, "unreadable digest: "+err.Error()))
			return false, false
		}
		m.Digest = &p.Digest
		m.Alert.Watchlist = storage.Watchlist{Name: p.Digest.Watchlist, Timezone: p.Timezone}
	default:
		content, err := d.store.DeliveryContent(ctx, dl)
		if err != nil {
			if errors.Is(err, storage.ErrNotFound) {
				d.record(log, d.store.MarkFailed(ctx, dl.ID, "the alert no longer exists"))
				return false, false
			}
			d.retry(ctx, log, dl, err, 0)
			return false, true
		}
		m.Alert = content
		m.Mentions = mentionsFor(dl.Kind, platform, content)
		log = log.With("watchlist", content.Watchlist.Name, "article", content.Article.URL)
		if dl.Kind == storage.KindUpdate || dl.Kind == storage.KindReply {
			if m.RemoteID, err = d.store.PostedMessage(ctx, dl.AlertID, dl.Channel); err != nil {
				d.retry(ctx, log, dl, err, 0)
				return false, true
			}
		}
	}
	remoteID, retry, err := d.send(ctx, n, m)
	if errors.Is(err, errNothingToUpdate) {
		d.record(log, d.store.MarkFailed(ctx, dl.ID, err.Error()))
		return false, false
	}
	if err == nil {
		d.record(log, d.store.MarkDelivered(ctx, dl.ID, remoteID, d.now()))
		if refused {
			d.record(log, d.store.ClearRefusal(ctx, dl.Channel))
			log.Info("destination accepts messages again")
		}
		log.Debug("delivered")
		return true, false
	}
	if !retry || dl.Attempts >= MaxAttempts {
		d.record(log, d.store.MarkFailed(ctx, dl.ID, err.Error()))
		log.Error("delivery failed for good", "err", err)
		if retry {
			return false, false // attempts exhausted: the destination itself may be fine
		}
		now := d.now()
		d.record(log, d.store.RefuseDestination(ctx, dl.Channel, err.Error(), now, now.Add(RefusalPeriod)))
		if d.OnRefused != nil && dl.Kind != storage.KindNotice {
			d.OnRefused(ctx, dl.Channel, err.Error())
		}
		return false, false
	}
	var ra interface{ RetryDelay() time.Duration }
	var wait time.Duration
	if errors.As(err, &ra) {
		wait = ra.RetryDelay()
		d.holdChannel(dl.Channel, d.now().Add(wait))
	}
	d.retry(ctx, log, dl, err, wait)
	return false, true
}

// errNothingToUpdate: the alert an update was for never reached the channel.
var errNothingToUpdate = errors.New("nothing to update: the alert was not delivered to this channel")

// send dispatches a message by kind. An update needs the posted alert and
// a notifier that can edit; a reply goes in the alert's thread when it can,
// else as a message of its own, since a new statement must not be lost.
func (d *Deliverer) send(ctx context.Context, n Notifier, m Message) (string, bool, error) {
	switch m.Kind {
	case storage.KindUpdate:
		u, ok := n.(Updater)
		if !ok || m.RemoteID == "" {
			return "", false, errNothingToUpdate
		}
		retry, err := u.Update(ctx, m)
		return m.RemoteID, retry, err
	case storage.KindReply:
		if r, ok := n.(Replier); ok && m.RemoteID != "" {
			return r.Reply(ctx, m)
		}
	}
	return n.Send(ctx, m)
}

// retry schedules another attempt: after the platform's requested wait
// when it gave one (a rate limit says exactly how long), else after an
// exponential backoff.
func (d *Deliverer) retry(ctx context.Context, log *slog.Logger, dl storage.Delivery, err error, wait time.Duration) {
	if wait <= 0 {
		wait = RetryDelay(dl.Attempts, rand.Float64())
	}
	next := d.now().Add(wait)
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
