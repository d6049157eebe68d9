package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"sovwatch/config"
	"sovwatch/delivery"
)

// Slack delivers alerts with chat.postMessage through slack-go.
//
// Slack has no idempotency key, so the window between Slack accepting a
// message and the outbox recording it stays at-least-once: a crash (or a
// lost answer) inside it makes the retry post a second copy.
type Slack struct {
	api   *slack.Client
	token string // only to scrub it from transport errors
	log   *slog.Logger
	loc   *time.Location
	now   func() time.Time
	// Mentions, when set, gives the configured mentions for a watchlist
	// and channel. Set it before the first Send.
	Mentions MentionFunc
}

// NewSlack returns a Slack notifier for the configured app, showing times
// in loc. cfg.APIURL, when set, replaces https://slack.com/api/ (tests
// point it at a local server).
func NewSlack(cfg config.Slack, log *slog.Logger, loc *time.Location) *Slack {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if loc == nil {
		loc = time.UTC
	}
	s := &Slack{token: cfg.BotToken.Reveal(), log: log.With("platform", "slack"), loc: loc, now: time.Now}
	opts := []slack.Option{
		// slack-go reads a 429's Retry-After only as whole seconds; the
		// client below rewrites an HTTP-date form so none is lost.
		slack.OptionHTTPClient(retryAfterSeconds{c: &http.Client{Timeout: 30 * time.Second}, now: func() time.Time { return s.now() }}),
	}
	if cfg.APIURL != "" {
		u := cfg.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/" // slack-go appends the method name directly
		}
		opts = append(opts, slack.OptionAPIURL(u))
	}
	s.api = slack.New(cfg.BotToken.Reveal(), opts...)
	return s
}

// Send posts the alert and returns the message's ts, which Update and
// Reply take to find it again.
func (s *Slack) Send(ctx context.Context, m delivery.Message) (string, bool, error) {
	var mentions []Mention
	if s.Mentions != nil {
		mentions = s.Mentions(m.Alert.Watchlist, m.Channel)
	}
	v := BuildView(m.Alert, s.loc, mentions)
	_, ts, err := s.api.PostMessageContext(ctx, m.Channel, s.options(RenderSlack(v))...)
	if err != nil {
		e := s.classify("post", err, m.Attempt)
		return "", !e.Permanent, e
	}
	return ts, false, nil
}

// Update rewrites a posted alert (chat.update), for a story that more
// outlets picked up. The error is an *Error when Slack answered.
func (s *Slack) Update(ctx context.Context, channel, ts string, v View) error {
	msg := RenderSlack(v)
	_, _, _, err := s.api.UpdateMessageContext(ctx, channel, ts,
		slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionText(msg.Text, false))
	if err != nil {
		return s.classify("update", err, 0)
	}
	return nil
}

// Reply posts the view in the thread under the message threadTS and
// returns the reply's ts.
func (s *Slack) Reply(ctx context.Context, channel, threadTS string, v View) (string, error) {
	opts := append(s.options(RenderSlack(v)), slack.MsgOptionTS(threadTS))
	_, ts, err := s.api.PostMessageContext(ctx, channel, opts...)
	if err != nil {
		return "", s.classify("reply", err, 0)
	}
	return ts, nil
}

func (s *Slack) options(msg SlackMessage) []slack.MsgOption {
	return []slack.MsgOption{
		slack.MsgOptionBlocks(msg.Blocks...),
		// The fallback is escaped by RenderSlack; slack-go must not escape it again.
		slack.MsgOptionText(msg.Text, false),
		// An unfurl would show the linked page's own preview, which the
		// source controls; the alert already says what matters.
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
}

// classify turns a slack-go error into an *Error with the shared rules:
// 429 and 5xx retry (honouring Retry-After), other HTTP statuses are
// permanent, API error codes are looked up, transport errors retry.
func (s *Slack) classify(op string, err error, attempt int) *Error {
	e := &Error{Platform: "slack", Op: op}
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var api slack.SlackErrorResponse
	switch {
	case errors.As(err, &rl):
		e.Status, e.Code, e.Delay = http.StatusTooManyRequests, "ratelimited", rl.RetryAfter
	case errors.As(err, &sc):
		e.Status, e.Message = sc.Code, http.StatusText(sc.Code)
		out, _ := ClassifyHTTP(sc.Code, nil, s.now())
		e.Permanent = out == Permanent
	case errors.As(err, &api):
		e.Code = api.Err
		e.Permanent = ClassifySlackCode(api.Err, attempt) == Permanent
	default:
		// No answer from Slack: the network, a timeout or a cancelled
		// context. Worth another try.
		e.Message = redact(err.Error(), s.token)
	}
	return e
}

// redact removes a secret from a message built by a library we do not
// control, in case it ever echoes the request.
func redact(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "[redacted]")
}

// retryAfterSeconds is the HTTP client slack-go is given. slack-go parses
// a 429's Retry-After as an integer and fails on the HTTP-date form the
// standard also allows (returning an error that hides the 429); this
// rewrites a date, or a fraction, to whole seconds before slack-go reads it.
type retryAfterSeconds struct {
	c   *http.Client
	now func() time.Time
}

func (r retryAfterSeconds) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.c.Do(req)
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		return resp, err
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return resp, nil // slack-go then reports a plain 429, which retries
	}
	if _, perr := strconv.ParseInt(v, 10, 64); perr != nil {
		secs := int64((RetryAfter(resp.Header, r.now()) + time.Second - 1) / time.Second)
		resp.Header.Set("Retry-After", fmt.Sprint(max(secs, 1))) // unreadable or past: wait a little
	}
	return resp, nil
}
