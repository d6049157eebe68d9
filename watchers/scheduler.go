// Package watchers turns configured sources into articles: it schedules
// polls, fetches politely and safely, and parses every source type.
package watchers

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"sovwatch/config"
)

// Scheduler runs one job per source on the source's cron schedule. A job
// never overlaps itself (a tick that finds it still running is skipped),
// and each run starts after a small random delay so that many sources on
// the same schedule do not fire in the same second.
type Scheduler struct {
	cron      *cron.Cron
	log       *slog.Logger
	maxJitter time.Duration
	rand      func(n int64) int64

	mu      sync.Mutex
	entries map[string]cron.EntryID
	running map[string]bool
	wg      sync.WaitGroup
	ctx     context.Context // jobs run under it; cancelled by Stop's deadline
	cancel  context.CancelFunc
	quit    chan struct{} // closed when Stop begins: runs still in their jitter delay are dropped
}

// NewScheduler returns a scheduler whose jobs wait up to maxJitter (and at
// most a tenth of their interval) before they run.
func NewScheduler(log *slog.Logger, maxJitter time.Duration) *Scheduler {
	ctx, cancel := context.WithCancel(context.Background())
	return &Scheduler{
		cron:      cron.New(cron.WithParser(config.CronParser), cron.WithLocation(time.UTC)),
		log:       log,
		maxJitter: maxJitter,
		rand:      rand.Int64N,
		entries:   map[string]cron.EntryID{},
		running:   map[string]bool{},
		ctx:       ctx,
		cancel:    cancel,
		quit:      make(chan struct{}),
	}
}

// Set schedules job under name, replacing any job of that name.
func (s *Scheduler) Set(name, spec string, job func(ctx context.Context)) error {
	sched, err := config.CronParser.Parse(spec)
	if err != nil {
		return fmt.Errorf("watchers: schedule %s: invalid spec %q: %w", name, spec, err)
	}
	jitter := s.maxJitter
	now := time.Now()
	first := sched.Next(now)
	if interval := sched.Next(first).Sub(first); interval/10 < jitter {
		jitter = interval / 10
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entries[name]; ok {
		s.cron.Remove(id)
	}
	s.entries[name] = s.cron.Schedule(sched, cron.FuncJob(func() { s.run(name, jitter, job) }))
	return nil
}

// Remove unschedules name; a run in progress finishes.
func (s *Scheduler) Remove(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entries[name]; ok {
		s.cron.Remove(id)
		delete(s.entries, name)
	}
}

// Next returns when name runs next, or the zero time.
func (s *Scheduler) Next(name string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entries[name]; ok {
		return s.cron.Entry(id).Next
	}
	return time.Time{}
}

// run is one cron tick of a job.
func (s *Scheduler) run(name string, jitter time.Duration, job func(context.Context)) {
	if s.begin(name) {
		s.exec(name, jitter, job)
	}
}

// RunNow runs a job once in the background, now (after jitter), under the
// same no-overlap rule as its ticks.
func (s *Scheduler) RunNow(name string, job func(context.Context)) {
	if s.begin(name) {
		go s.exec(name, s.maxJitter, job)
	}
}

// begin marks name as running; false means it already is, or the scheduler
// is stopping. It counts the run before returning so Stop always waits for it.
func (s *Scheduler) begin(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[name] || s.stopping() {
		s.log.Debug("skipping tick: previous run still in progress", "source", name)
		return false
	}
	s.running[name] = true
	s.wg.Add(1)
	return true
}

func (s *Scheduler) exec(name string, jitter time.Duration, job func(context.Context)) {
	defer func() {
		s.mu.Lock()
		delete(s.running, name)
		s.mu.Unlock()
		s.wg.Done()
	}()
	if jitter > 0 {
		t := time.NewTimer(time.Duration(s.rand(int64(jitter))))
		select {
		case <-t.C:
		case <-s.quit:
			t.Stop()
			return
		}
	}
	job(s.ctx)
}

// Start begins firing schedules.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops firing and waits for running jobs to finish. When ctx ends
// first, the jobs' context is cancelled and Stop still waits for them to
// return, so nothing is left writing after Stop.
func (s *Scheduler) Stop(ctx context.Context) {
	s.mu.Lock()
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	s.mu.Unlock()
	s.cron.Stop()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("shutdown deadline reached; cancelling polls in progress")
		s.cancel()
		<-done
	}
	s.cancel()
}

func (s *Scheduler) stopping() bool {
	select {
	case <-s.quit:
		return true
	default:
		return false
	}
}
