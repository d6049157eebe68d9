package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
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
	token config.Secret // only to scrub it from transport errors; prints redacted
	log   *slog.Logger
	loc   *time.Location
	now   func() time.Time
}

var _ delivery.Notifier = (*Slack)(nil)

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
	s := &Slack{token: cfg.BotToken, log: log.With("platform", "slack"), loc: loc, now: time.Now}
	opts := []slack.Option{
		slack.OptionHTTPClient(slackHTTP{c: &http.Client{Timeout: 30 * time.Second}, now: func() time.Time { return s.now() }}),
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
	msg := RenderSlack(BuildView(m.Alert, LocationFor(m.Alert.Watchlist, s.loc), MentionsOf(m.Mentions)))
	if title, body, ok := plainContent(m); ok {
		msg = RenderSlackPlain(title, body)
	}
	_, ts, err := s.api.PostMessageContext(ctx, m.Channel, s.options(msg)...)
	if err != nil {
		e := s.classify("post", err, m.Attempt)
		return "", !e.Permanent, e
	}
	return ts, false, nil
}

// Update rewrites the posted alert m.RemoteID with the story's outlets as
// they are now (delivery.Updater).
func (s *Slack) Update(ctx context.Context, m delivery.Message) (bool, error) {
	if err := s.Edit(ctx, m.Channel, m.RemoteID, BuildView(m.Alert, LocationFor(m.Alert.Watchlist, s.loc), nil)); err != nil {
		return !IsPermanent(err), err
	}
	return false, nil
}

// Reply posts a later article's statements in the thread of the posted
// alert m.RemoteID (delivery.Replier).
func (s *Slack) Reply(ctx context.Context, m delivery.Message) (string, bool, error) {
	ts, err := s.Thread(ctx, m.Channel, m.RemoteID, BuildView(m.Alert, LocationFor(m.Alert.Watchlist, s.loc), MentionsOf(m.Mentions)))
	if err != nil {
		return "", !IsPermanent(err), err
	}
	return ts, false, nil
}

// Edit rewrites a posted alert (chat.update), for a story that more
// outlets picked up: build v with BuildView from the refreshed content.
// Slack does not notify anyone for an edit, so mentions there only show.
// A failure is always an *Error (see IsPermanent and RetryDelay).
func (s *Slack) Edit(ctx context.Context, channel, ts string, v View) error {
	msg := RenderSlack(v)
	_, _, _, err := s.api.UpdateMessageContext(ctx, channel, ts,
		slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionText(msg.Text, false))
	if err != nil {
		return s.classify("update", err, 0)
	}
	return nil
}

// Thread posts the view in the thread under the message threadTS and
// returns the reply's ts. A failure is always an *Error.
func (s *Slack) Thread(ctx context.Context, channel, threadTS string, v View) (string, error) {
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
// slackHTTP has already classified HTTP answers; slack-go's own
// RateLimitedError and StatusCodeError are handled too in case a future
// slack-go reads statuses before calling the client.
func (s *Slack) classify(op string, err error, attempt int) *Error {
	var classified *Error
	if errors.As(err, &classified) { // an HTTP answer, classified by slackHTTP
		e := *classified
		e.Op = op
		return &e
	}
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
		if !slackPermanent[api.Err] && !slackTransient[api.Err] {
			// Worth knowing: a new code may belong in one of the two lists.
			s.log.Warn("unrecognised Slack error code", "code", api.Err, "attempt", attempt, "permanent", e.Permanent)
		}
	default:
		// No answer from Slack: the network, a timeout or a cancelled
		// context. Worth another try.
		e.Message = redact(err.Error(), s.token.Reveal())
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

// slackHTTP is the HTTP client slack-go is given. It puts the shared
// classifier in front of slack-go for every non-200 answer: slack-go reads
// a 429's Retry-After only as whole seconds (an HTTP date becomes a parse
// error that hides the 429) and drops Retry-After on a 503. Answers with
// status 200 go on to slack-go, which reads ok:false error codes.
type slackHTTP struct {
	c   *http.Client
	now func() time.Time
}

func (h slackHTTP) Do(req *http.Request) (*http.Response, error) {
	resp, err := h.c.Do(req)
	if err != nil || resp.StatusCode == http.StatusOK {
		return resp, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
	resp.Body.Close()
	outcome, delay := ClassifyHTTP(resp.StatusCode, resp.Header, h.now())
	e := &Error{Platform: "slack", Status: resp.StatusCode, Message: http.StatusText(resp.StatusCode), Permanent: outcome == Permanent, Delay: delay}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.Code = "ratelimited"
	}
	return nil, e
}
