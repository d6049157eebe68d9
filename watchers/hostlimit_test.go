package watchers

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// The limiter tests run in a synctest bubble: time is fake and
// synctest.Wait tells when every goroutine is blocked, so they assert on
// order and on fake-clock instants, never on wall-clock durations.

func TestLimiterHostGap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(10, 2, time.Second, time.Now)
		start := time.Now()
		var got []time.Duration
		for range 3 {
			release, err := l.acquire(context.Background(), "a.example")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, time.Since(start))
			release()
		}
		want := []time.Duration{0, time.Second, 2 * time.Second}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("starts at %v, want %v", got, want)
			}
		}
		// Another host is not held up by a.example's gap.
		release, err := l.acquire(context.Background(), "b.example")
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != 2*time.Second {
			t.Errorf("b.example started at %v, want no wait", d)
		}
		release()
	})
}

func TestLimiterPerHost(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(10, 2, 0, time.Now)
		ctx := context.Background()
		r1, _ := l.acquire(ctx, "a.example")
		r2, _ := l.acquire(ctx, "A.example") // host names are case-insensitive
		third := make(chan struct{})
		go func() {
			r3, err := l.acquire(ctx, "a.example")
			if err != nil {
				t.Error(err)
				return
			}
			close(third)
			r3()
		}()
		synctest.Wait()
		select {
		case <-third:
			t.Fatal("third request to a host started while two were in flight")
		default:
		}
		// A different host still gets through.
		rb, err := l.acquire(ctx, "b.example")
		if err != nil {
			t.Fatal(err)
		}
		rb()
		r1()
		synctest.Wait()
		select {
		case <-third:
		default:
			t.Fatal("third request did not start after a slot was released")
		}
		r2()
	})
}

func TestLimiterGlobal(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(1, 2, 0, time.Now)
		r1, _ := l.acquire(context.Background(), "a.example")
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() {
			_, err := l.acquire(ctx, "b.example")
			errc <- err
		}()
		synctest.Wait()
		select {
		case err := <-errc:
			t.Fatalf("second request ran past the global limit: %v", err)
		default:
		}
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		r1()
		// The cancelled waiter gave back its host slot.
		r2, err := l.acquire(context.Background(), "b.example")
		if err != nil {
			t.Fatal(err)
		}
		r2()
	})
}

func TestLimiterGapWaitIsCancellable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(10, 2, time.Hour, time.Now)
		r1, _ := l.acquire(context.Background(), "a.example")
		r1()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := l.acquire(ctx, "a.example"); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the context's deadline", err)
		}
	})
}

func TestLimiterMinGap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newLimiter(10, 2, time.Second, time.Now)
		l.minGap["api.gdeltproject.org"] = 5 * time.Second
		start := time.Now()
		for range 2 {
			release, err := l.acquire(context.Background(), "API.gdeltproject.org")
			if err != nil {
				t.Fatal(err)
			}
			release()
		}
		if d := time.Since(start); d != 5*time.Second {
			t.Errorf("second GDELT request started after %v, want 5s", d)
		}
	})
}
