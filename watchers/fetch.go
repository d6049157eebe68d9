package watchers

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sovwatch/config"
)

// GDELT's own request spacing.
const (
	// gdeltGap is the spacing GDELT asks of API clients.
	gdeltGap  = 5 * time.Second
	gdeltHost = "api.gdeltproject.org"
)

// Errors callers may branch on with errors.Is.
var (
	// ErrTooLarge: the body, after decompression, exceeded MaxBodyBytes.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects: more than MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrRedirectLoop: a redirect led back to a URL already visited.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrTimeout: the request did not complete within the fetch timeout.
	ErrTimeout = errors.New("timed out")
	// ErrScheme: the URL is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
)

// StatusError is a response with a status other than 2xx or 304. For 429
// and 503 RetryAfter holds the server's Retry-After, zero when absent or
// unparseable, so the scheduler can back off for at least that long.
type StatusError struct {
	URL        string // redacted
	Code       int
	RetryAfter time.Duration
}

// Error names the URL, the status and any Retry-After.
func (e *StatusError) Error() string {
	msg := fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// RetryDelay is the server's requested wait, for callers that back off
// without knowing this type.
func (e *StatusError) RetryDelay() time.Duration { return e.RetryAfter }

// Temporary reports whether trying again later may succeed: 408, 425, 429
// and 5xx, as opposed to 4xx answers that will not change by themselves.
func (e *StatusError) Temporary() bool {
	switch {
	case e.Code == http.StatusRequestTimeout, e.Code == http.StatusTooEarly, e.Code == http.StatusTooManyRequests:
		return true
	case e.Code >= 500:
		return true
	}
	return false
}

// Request is one GET. ETag and LastModified, when set, make it conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	Accept       string // Accept header; empty sends */*
}

// Response is a successful (2xx) or not-modified (304) answer. Body holds
// the decompressed body, at most MaxBodyBytes long.
type Response struct {
	URL          string // final URL after redirects
	StatusCode   int
	NotModified  bool
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Fetcher is the one HTTP client every watcher shares. It is safe for
// concurrent use.
type Fetcher struct {
	cfg       config.Fetch
	client    *http.Client
	limit     *limiter
	log       *slog.Logger
	now       func() time.Time
	userAgent string
	// guard says why an address may not be dialled ("" if it may); nil
	// when private networks are allowed. A field so tests can refuse one
	// loopback address while serving from another.
	guard func(netip.Addr) string
}

// NewFetcher builds a Fetcher from cfg, filling zero fields with the
// Default* values. now is the clock used for Retry-After dates and the
// per-host gap; nil means time.Now.
func NewFetcher(cfg config.Fetch, log *slog.Logger, now func() time.Time) *Fetcher {
	cfg = withDefaults(cfg)
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if now == nil {
		now = time.Now
	}
	f := &Fetcher{
		cfg:       cfg,
		log:       log,
		now:       now,
		limit:     newLimiter(cfg.Concurrency, cfg.PerHost, cfg.HostGap, now),
		userAgent: userAgent(cfg),
	}
	if !cfg.AllowPrivateNetworks {
		f.guard = blockedReason
	}
	// The public GDELT API asks for no more than one request every five
	// seconds; a mirror or test server configured instead is not slowed.
	f.limit.minGap[gdeltHost] = gdeltGap

	connect := min(10*time.Second, cfg.Timeout)
	transport := &http.Transport{
		// Never go through an environment proxy: the SSRF guard checks
		// the address dialled, and with a proxy that is the proxy's.
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			d := &net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}
			if f.guard != nil {
				host, _, err := net.SplitHostPort(addr)
				if err != nil {
					host = addr
				}
				d.Control = guardControl(host, f.guard)
			}
			return d.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:   connect,
		ResponseHeaderTimeout: cfg.Timeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   cfg.PerHost,
		// We ask for gzip and decode it ourselves so that the size cap
		// counts decompressed bytes.
		DisableCompression: true,
		ForceAttemptHTTP2:  true,
	}
	f.client = &http.Client{
		Transport:     transport,
		CheckRedirect: f.checkRedirect,
	}
	return f
}

// withDefaults fills the zero fields of cfg, as loading a config does, so
// a Fetcher built from a partial config (a test, a tool) behaves the same.
func withDefaults(cfg config.Fetch) config.Fetch {
	cfg.ApplyDefaults()
	if cfg.HostGap < 0 {
		cfg.HostGap = 0
	}
	return cfg
}

// userAgent names the bot and, when configured, how to reach its operator,
// so a site owner who sees it in their logs knows whom to ask.
func userAgent(cfg config.Fetch) string {
	ua := strings.TrimSpace(cfg.UserAgent)
	if ua == "" {
		ua = config.DefaultUserAgent
	}
	if c := strings.TrimSpace(cfg.ContactURL); c != "" && !strings.Contains(ua, c) {
		ua += " (+" + c + ")"
	}
	return ua
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	target := redactURL(req.URL)
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w %q", target, ErrScheme, req.URL.Scheme)
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: %s redirects back to %s", ErrRedirectLoop, redactURL(via[len(via)-1].URL), target)
		}
	}
	if f.cfg.MaxRedirects < 0 || len(via) > f.cfg.MaxRedirects {
		return fmt.Errorf("%w: more than %d, the next to %s", ErrTooManyRedirects, max(f.cfg.MaxRedirects, 0), target)
	}
	return nil
}

// Fetch performs one GET under the concurrency limits. A 304 returns a
// Response with NotModified set; any other non-2xx status returns a
// *StatusError. Errors name the (redacted) URL.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch: bad URL: %w", urlParseErr(err))
	}
	shown := redactURL(u)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w %q", shown, ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %s: URL has no host", shown)
	}

	release, err := f.limit.acquire(ctx, u.Host)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: waiting for a slot: %w", shown, err)
	}
	defer release()

	// The timeout starts once we hold a slot and covers connect, headers
	// and the whole body.
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", shown, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept-Encoding", "gzip")
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	} else {
		req.Header.Set("Accept", "*/*")
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.wrapErr(shown, ctx, err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// Some servers omit the validators on a 304; keep the ones we sent.
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		se := &StatusError{URL: shown, Code: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), f.now())
		}
		// Drain a little so the connection can be reused.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return nil, se
	}

	body, err := f.readBody(resp)
	if err != nil {
		return nil, f.wrapErr(shown, ctx, err)
	}
	out.Body = body
	f.log.Debug("watchers: fetched", "url", shown, "status", resp.StatusCode, "bytes", len(body))
	return out, nil
}

// readBody reads the body, decompressing gzip, and refuses more than
// MaxBodyBytes of it: the cap applies to the decompressed bytes, so a
// small gzip bomb cannot expand past it.
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	limit := f.cfg.MaxBodyBytes
	var r io.Reader = io.LimitReader(resp.Body, limit+1)
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("bad gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return body, nil
}

// wrapErr turns a transport error into one that names the URL once (the
// *url.Error text would repeat it unredacted) and marks timeouts.
func (f *Fetcher) wrapErr(shown string, ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("fetch %s: %w after %s: %w", shown, ErrTimeout, f.cfg.Timeout, err)
	}
	return fmt.Errorf("fetch %s: %w", shown, err)
}

// parseRetryAfter reads a Retry-After value, either delay-seconds or an
// HTTP date, relative to now. Unparseable or past values give zero.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		// Cap absurd values rather than overflow.
		const maxSecs = int64(30 * 24 * time.Hour / time.Second)
		return time.Duration(min(secs, maxSecs)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// secretParams are query keys whose values must not reach logs or errors.
var secretParams = []string{"token", "key", "apikey", "api_key", "access_token", "auth", "secret", "password", "passwd", "sig", "signature", "session", "sid", "code"}

// redactURL renders u for logs and errors with its password and
// credential-looking query values replaced.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
		if _, has := u.User.Password(); has {
			c.User = url.UserPassword(c.User.Username(), "xxxxx")
		}
	}
	if c.RawQuery != "" {
		q := c.Query()
		changed := false
		for k := range q {
			lk := strings.ToLower(k)
			for _, s := range secretParams {
				if lk == s || strings.HasSuffix(lk, "_"+s) || strings.HasSuffix(lk, "-"+s) {
					q[k] = []string{"REDACTED"}
					changed = true
					break
				}
			}
		}
		if changed {
			c.RawQuery = q.Encode()
		}
	}
	return c.String()
}

// redactRaw is redactURL for a string that may not parse.
func redactRaw(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	return redactURL(u)
}

// urlParseErr drops the URL that url.Parse quotes in its errors, since it
// may carry a token; callers name the source instead.
func urlParseErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
