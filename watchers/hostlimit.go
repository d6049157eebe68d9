package watchers

import (
	"context"
	"strings"
	"sync"
	"time"
)

// limiter bounds how hard sovwatch leans on the network: at most global
// requests in flight overall, at most perHost in flight to one host, and
// starts to one host spaced at least gap apart. Every wait honours the
// context, so a shutdown never hangs on a slow host's queue.
type limiter struct {
	global  chan struct{}
	perHost int
	gap     time.Duration
	// minGap raises the gap for hosts that ask for more, by host:port.
	minGap map[string]time.Duration
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	next  time.Time // earliest start allowed for the next request
	users int       // holders and waiters, so idle hosts can be forgotten
}

func newLimiter(global, perHost int, gap time.Duration, now func() time.Time) *limiter {
	return &limiter{
		global:  make(chan struct{}, global),
		perHost: perHost,
		gap:     gap,
		minGap:  make(map[string]time.Duration),
		now:     now,
		sleep:   sleepCtx,
		hosts:   make(map[string]*hostSlot),
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// acquire waits for a per-host slot, then for the host's gap, then for a
// global slot, in that order so that a request waiting on a busy host does
// not hold one of the global slots other hosts could use. The returned
// function releases both slots and must be called exactly once.
func (l *limiter) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	l.mu.Lock()
	h := l.hosts[host]
	if h == nil {
		h = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	h.users++
	if len(l.hosts) > 256 {
		l.sweepLocked()
	}
	l.mu.Unlock()

	leave := func() {
		l.mu.Lock()
		h.users--
		// Forget a host nobody uses once its gap has passed, so the map
		// does not grow with every host ever fetched.
		if h.users == 0 && !l.now().Before(h.next) {
			delete(l.hosts, host)
		}
		l.mu.Unlock()
	}

	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}

	// Reserve a start time: no earlier than now and no earlier than gap
	// after the previous reservation, so concurrent callers queue up
	// gap apart instead of all waking at once.
	l.mu.Lock()
	now := l.now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	gap := l.gap
	if g, ok := l.minGap[host]; ok && g > gap {
		gap = g
	}
	h.next = start.Add(gap)
	l.mu.Unlock()

	if err := l.sleep(ctx, start.Sub(now)); err != nil {
		<-h.sem
		leave()
		return nil, err
	}

	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		<-h.sem
		leave()
		return nil, ctx.Err()
	}

	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.global
			<-h.sem
			leave()
		})
	}, nil
}

// sweepLocked forgets idle hosts whose gap has passed. A host whose last
// request finished inside its gap stays until the next sweep.
func (l *limiter) sweepLocked() {
	now := l.now()
	for k, h := range l.hosts {
		if h.users == 0 && !now.Before(h.next) {
			delete(l.hosts, k)
		}
	}
}
