package watchers

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"
)

func TestSchedulerNeverOverlapsAJob(t *testing.T) {
	s := NewScheduler(slog.New(slog.NewTextHandler(io.Discard, nil)), 0)
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	var mu sync.Mutex
	runs := 0
	job := func(ctx context.Context) {
		mu.Lock()
		runs++
		mu.Unlock()
		started <- struct{}{}
		<-release
	}
	// Fire the job by hand, as cron would on consecutive ticks.
	go s.run("a", 0, job)
	<-started
	s.run("a", 0, job) // a tick while the first run is in progress
	s.run("b", 0, func(context.Context) { started <- struct{}{} })
	<-started
	close(release)
	s.Stop(context.Background())
	mu.Lock()
	defer mu.Unlock()
	if runs != 1 {
		t.Fatalf("job ran %d times while overlapping, want 1", runs)
	}
}

func TestSchedulerStopWaitsThenCancels(t *testing.T) {
	s := NewScheduler(slog.New(slog.NewTextHandler(io.Discard, nil)), 0)
	started := make(chan struct{})
	var sawCancel bool
	go s.run("slow", 0, func(ctx context.Context) {
		close(started)
		<-ctx.Done()
		sawCancel = true
	})
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the shutdown deadline has already passed
	s.Stop(ctx)
	if !sawCancel {
		t.Fatal("Stop returned before the job saw its context cancelled")
	}
	if err := s.Set("x", "not a spec", func(context.Context) {}); err == nil {
		t.Fatal("an invalid spec was accepted")
	}
}

func TestSchedulerJitterIsBoundedByInterval(t *testing.T) {
	s := NewScheduler(slog.New(slog.NewTextHandler(io.Discard, nil)), time.Hour)
	var got int64 = -1
	s.rand = func(n int64) int64 { got = n; return 0 }
	if err := s.Set("a", "@every 10m", func(context.Context) {}); err != nil {
		t.Fatal(err)
	}
	id := s.entries["a"]
	s.cron.Entry(id).Job.Run()
	if time.Duration(got) != time.Minute {
		t.Fatalf("jitter bound %v, want a tenth of the 10m interval", time.Duration(got))
	}
}

func TestSchedulerStopDropsRunsWaitingForJitter(t *testing.T) {
	s := NewScheduler(slog.New(slog.NewTextHandler(io.Discard, nil)), time.Hour)
	s.rand = func(n int64) int64 { return n - 1 } // wait almost an hour
	ran := false
	s.RunNow("a", func(context.Context) { ran = true })
	// Stop must not wait out the hour (the test would time out), and the
	// job must never start.
	s.Stop(context.Background())
	if ran {
		t.Fatal("a job started after Stop")
	}
	s.RunNow("a", func(context.Context) { ran = true })
	s.Stop(context.Background())
	if ran {
		t.Fatal("RunNow after Stop ran the job")
	}
}
