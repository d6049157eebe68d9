package watchers

import (
	"time"
)

// Backoff bounds for failing sources.
const (
	BackoffBase = 5 * time.Minute
	BackoffMax  = 6 * time.Hour
	// FailingFor is how long a source fails before it is reported, once.
	FailingFor = 24 * time.Hour
)

// NextAttempt says when to poll a source again after its failures-th
// consecutive failure: exponential from BackoffBase, capped at BackoffMax,
// spread by up to a tenth either way (jitter in [-1,1)) so that sources
// failing together do not retry together, and never before the server's
// Retry-After.
func NextAttempt(now time.Time, failures int, retryAfter time.Duration, jitter float64) time.Time {
	d := BackoffMax
	if failures <= 0 {
		failures = 1
	}
	if failures < 20 { // past that the shift overflows and the cap applies anyway
		d = min(BackoffBase<<(failures-1), BackoffMax)
	}
	d += time.Duration(float64(d) * jitter / 10)
	if retryAfter > d {
		d = retryAfter
	}
	return now.Add(d)
}
