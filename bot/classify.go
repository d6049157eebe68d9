package bot

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Error is a failed call to a chat platform, already classified. Its text
// is built only from the platform's answer (status, error code, message),
// never from the request, so a token cannot leak through it.
type Error struct {
	Platform  string        // slack or discord
	Op        string        // what was attempted: post, update, reply, thread
	Status    int           // HTTP status; 0 when the request got no answer
	Code      string        // the platform's error code (Slack's "channel_not_found", Discord's "10003")
	Message   string        // the platform's explanation, or the transport error
	Permanent bool          // true when trying again cannot succeed
	Delay     time.Duration // how long the platform asked us to wait; 0 when it did not say
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Platform, e.Op)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.Status)
	}
	if e.Code != "" {
		fmt.Fprintf(&b, ": %s", e.Code)
	}
	if e.Message != "" && e.Message != e.Code {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Delay > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.Delay)
	}
	return b.String()
}

// The deliverer reads the delay through this interface.
var _ interface{ RetryDelay() time.Duration } = (*Error)(nil)

// RetryDelay is the wait the platform asked for; the deliverer waits at
// least this long before the next attempt.
func (e *Error) RetryDelay() time.Duration { return e.Delay }

// Retryable reports whether a later attempt can succeed.
func (e *Error) Retryable() bool { return !e.Permanent }

// IsPermanent reports whether err is a classified error that retrying
// cannot fix (a missing channel, a revoked token). Unclassified errors are
// not permanent.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Permanent
}

// Outcome is what the shared classifier makes of one HTTP answer.
type Outcome int

// The three outcomes of a call.
const (
	Done      Outcome = iota // 2xx: the platform accepted it
	Retry                    // 429, 5xx: try again, after Retry-After when given
	Permanent                // any other status: trying again cannot help
)

// ClassifyHTTP is the one rule for HTTP outcomes shared by every notifier:
// 2xx is done; 429 and 5xx are retried, honouring Retry-After (seconds or an
// HTTP date, read against now); any other status is permanent. The returned
// delay is zero when the server did not say how long to wait.
func ClassifyHTTP(status int, h http.Header, now time.Time) (Outcome, time.Duration) {
	switch {
	case status >= 200 && status < 300:
		return Done, 0
	case status == http.StatusTooManyRequests || status >= 500:
		return Retry, RetryAfter(h, now)
	default:
		return Permanent, 0
	}
}

// maxRetryAfter bounds what a server may ask us to wait, so a bogus header
// (a date years ahead) cannot park a delivery for good.
const maxRetryAfter = time.Hour

// RetryAfter reads a Retry-After header: delay-seconds (Discord sends
// fractions, so they are accepted) or an HTTP date. It returns 0 when the
// header is absent or unreadable.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		return secondsDuration(secs)
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter)
	}
	return 0
}

// secondsDuration converts a server's seconds to a duration, clamped to
// [0, maxRetryAfter] and rounded up to the millisecond.
func secondsDuration(secs float64) time.Duration {
	if secs <= 0 || math.IsNaN(secs) {
		return 0
	}
	if secs >= maxRetryAfter.Seconds() {
		return maxRetryAfter
	}
	return time.Duration(math.Ceil(secs*1000)) * time.Millisecond
}

// Slack API error codes (HTTP 200 with ok:false) that no retry can fix:
// the destination is gone or closed to us, the token is bad, or the
// message itself is unacceptable.
var slackPermanent = map[string]bool{
	"channel_not_found":                        true,
	"not_in_channel":                           true,
	"is_archived":                              true,
	"invalid_auth":                             true,
	"not_authed":                               true,
	"account_inactive":                         true,
	"token_revoked":                            true,
	"token_expired":                            true,
	"no_permission":                            true,
	"missing_scope":                            true,
	"org_login_required":                       true,
	"ekm_access_denied":                        true,
	"restricted_action":                        true,
	"restricted_action_read_only_channel":      true,
	"restricted_action_thread_only_channel":    true,
	"restricted_action_non_threadable_channel": true,
	"cannot_reply_to_message":                  true,
	"msg_too_long":                             true,
	"msg_blocks_too_long":                      true,
	"too_many_attachments":                     true,
	"invalid_blocks":                           true,
	"invalid_blocks_format":                    true,
	"no_text":                                  true,
	"message_not_found":                        true,
	"cant_update_message":                      true,
	"edit_window_closed":                       true,
	"invalid_arguments":                        true,
	"channel_is_archived":                      true,
	"team_access_not_granted":                  true,
	"access_denied":                            true,
	"is_inactive":                              true,
	"invalid_channel":                          true,
	"thread_not_found":                         true,
	"user_is_bot":                              true,
	"two_factor_setup_required":                true,
}

// Slack error codes that are transient by nature.
var slackTransient = map[string]bool{
	"ratelimited":         true,
	"rate_limited":        true,
	"internal_error":      true,
	"fatal_error":         true,
	"service_unavailable": true,
	"request_timeout":     true,
	"team_added_to_org":   true,
}

// UnknownErrorAttempts is how many attempts an unrecognised platform error
// gets before it is treated as permanent: a new Slack error code is more
// likely a refusal than an outage, but one we cannot tell from an outage.
const UnknownErrorAttempts = 5

// ClassifySlackCode says whether a Slack API error code (from an ok:false
// answer) is worth retrying on the given attempt (1 for the first).
// Attempt 0 means "unknown", as for calls outside the outbox.
func ClassifySlackCode(code string, attempt int) Outcome {
	switch {
	case slackTransient[code]:
		return Retry
	case slackPermanent[code]:
		return Permanent
	case attempt >= UnknownErrorAttempts:
		return Permanent
	default:
		return Retry
	}
}
