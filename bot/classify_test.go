package bot

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestClassifyHTTP(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		status     int
		retryAfter string
		want       Outcome
		wantDelay  time.Duration
	}{
		{200, "", Done, 0},
		{204, "", Done, 0},
		{429, "3", Retry, 3 * time.Second},
		{429, "1.25", Retry, 1250 * time.Millisecond},
		{429, now.Add(90 * time.Second).Format(http.TimeFormat), Retry, 90 * time.Second},
		{429, now.Add(-time.Minute).Format(http.TimeFormat), Retry, 0},
		{429, "soon", Retry, 0},
		{429, "", Retry, 0},
		{429, "999999", Retry, time.Hour},
		{500, "", Retry, 0},
		{502, "", Retry, 0},
		{503, "7", Retry, 7 * time.Second},
		{400, "5", Permanent, 0},
		{401, "", Permanent, 0},
		{403, "", Permanent, 0},
		{404, "", Permanent, 0},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status)+"/"+tt.retryAfter, func(t *testing.T) {
			h := http.Header{}
			if tt.retryAfter != "" {
				h.Set("Retry-After", tt.retryAfter)
			}
			got, delay := ClassifyHTTP(tt.status, h, now)
			if got != tt.want || delay != tt.wantDelay {
				t.Errorf("got %v %v, want %v %v", got, delay, tt.want, tt.wantDelay)
			}
		})
	}
}

func TestClassifySlackCode(t *testing.T) {
	tests := []struct {
		code    string
		attempt int
		want    Outcome
	}{
		{"ratelimited", 20, Retry},
		{"internal_error", 1, Retry},
		{"channel_not_found", 1, Permanent},
		{"not_in_channel", 1, Permanent},
		{"is_archived", 1, Permanent},
		{"invalid_auth", 1, Permanent},
		{"account_inactive", 1, Permanent},
		{"token_revoked", 1, Permanent},
		{"missing_scope", 1, Permanent},
		{"msg_too_long", 1, Permanent},
		{"something_new", 0, Retry},
		{"something_new", 1, Retry},
		{"something_new", UnknownErrorAttempts - 1, Retry},
		{"something_new", UnknownErrorAttempts, Permanent},
	}
	for _, tt := range tests {
		if got := ClassifySlackCode(tt.code, tt.attempt); got != tt.want {
			t.Errorf("%s attempt %d: %v, want %v", tt.code, tt.attempt, got, tt.want)
		}
	}
}

func TestErrorText(t *testing.T) {
	e := &Error{Platform: "discord", Op: "post", Status: 429, Code: "0", Message: "You are being rate limited.", Delay: 1500 * time.Millisecond}
	if got, want := e.Error(), "discord: post: HTTP 429: 0: You are being rate limited. (retry after 1.5s)"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if e.RetryDelay() != 1500*time.Millisecond || !e.Retryable() || IsPermanent(e) {
		t.Error("accessors")
	}
	if !IsPermanent(&Error{Permanent: true}) || IsPermanent(nil) {
		t.Error("IsPermanent")
	}
	if strings.Contains(redact("Post https://x/?token=xoxb-1: boom", "xoxb-1"), "xoxb-1") {
		t.Error("redact")
	}
}
