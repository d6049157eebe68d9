package watchers

import (
	"testing"
	"time"
)

func TestNextAttempt(t *testing.T) {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		failures   int
		retryAfter time.Duration
		jitter     float64
		want       time.Duration
	}{
		{"first failure", 1, 0, 0, 5 * time.Minute},
		{"doubles", 3, 0, 0, 20 * time.Minute},
		{"capped", 10, 0, 0, 6 * time.Hour},
		{"huge count stays capped", 1000, 0, 0, 6 * time.Hour},
		{"jitter spreads up", 2, 0, 1, 11 * time.Minute},
		{"jitter spreads down", 2, 0, -1, 9 * time.Minute},
		{"retry-after wins when longer", 1, time.Hour, 0, time.Hour},
		{"retry-after ignored when shorter", 4, time.Minute, 0, 40 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NextAttempt(now, tt.failures, tt.retryAfter, tt.jitter).Sub(now); got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
