package watchers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"sovwatch/config"
	"sovwatch/news"
)

// MaxFulltextPerPoll bounds the article pages one poll fetches, so the
// first poll of a busy source does not turn into hundreds of requests to
// one site. Articles past the cap keep their feed text, with a warning.
const MaxFulltextPerPoll = 100

// fulltextWorkers is how many article pages one poll fetches at once; the
// per-host limit still applies on top.
const fulltextWorkers = 2

// FetchState is what the scheduler stores per source between polls to make
// the next request conditional.
type FetchState struct {
	ETag         string
	LastModified string
}

// PollResult is one poll's outcome. When NotModified is set, Articles is
// empty and State repeats the validators sent.
type PollResult struct {
	Articles    []news.Article
	NotModified bool
	State       FetchState
	Warnings    []string
}

// SeenChecker reports whether an article is already stored, by canonical
// URL or GUID, so a poll does not fetch its full text again. The storage
// package implements it; a nil SeenChecker treats every article as new.
type SeenChecker interface {
	Seen(ctx context.Context, url, guid string) (bool, error)
}

// Poller turns one configured source into articles. It is safe for
// concurrent use; the scheduler calls Poll once per source per tick.
type Poller struct {
	fetch *Fetcher
	seen  SeenChecker
	cfg   config.Fetch
	log   *slog.Logger
	now   func() time.Time
}

// NewPoller returns a Poller fetching through f. seen may be nil.
func NewPoller(f *Fetcher, seen SeenChecker) *Poller {
	return &Poller{fetch: f, seen: seen, cfg: f.cfg, log: f.log, now: f.now}
}

const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
	acceptJSON = "application/json, text/plain;q=0.5"
	acceptHTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8"
)

// Poll fetches src once and returns what it says now: articles with
// canonical URLs, source name and kind, language (source hint, else the
// item's, else the document's; empty when unknown), Published (zero when
// unknown), Summary as plain text and, per the source's fulltext policy,
// Text from the article page. Items without a usable link are skipped and
// exact duplicates within the response dropped, each with a warning.
// A failed article page is a warning, not an error.
//
// An error means the source itself failed: it names the source and wraps
// the cause, a *StatusError (with RetryAfter) for HTTP statuses, or one of
// ErrTimeout, ErrTooLarge, ErrRedirectLoop, ErrTooManyRedirects,
// ErrEmptyBody, ErrNotFeed, ErrGDELT, ErrSelector or a *BlockedAddressError.
func (p *Poller) Poll(ctx context.Context, src config.Source, st FetchState) (PollResult, error) {
	res, err := p.poll(ctx, src, st)
	if err != nil {
		return res, fmt.Errorf("source %q: %w", src.Name, err)
	}
	return res, nil
}

func (p *Poller) poll(ctx context.Context, src config.Source, st FetchState) (PollResult, error) {
	req := Request{URL: strings.TrimSpace(src.URL), ETag: st.ETag, LastModified: st.LastModified}
	switch src.Type {
	case config.SourceRSS:
		req.Accept = acceptFeed
	case config.SourceHTML:
		req.Accept = acceptHTML
		if err := ValidateSelectors(src.HTML); err != nil {
			return PollResult{State: st}, err
		}
	case config.SourceGDELT:
		base := req.URL
		if base == "" {
			base = p.cfg.GDELTURL
		}
		u, err := GDELTURL(base, src.GDELT)
		if err != nil {
			return PollResult{State: st}, err
		}
		// GDELT answers every query afresh; validators would only
		// confuse a cache in between.
		req = Request{URL: u, Accept: acceptJSON}
	default:
		return PollResult{State: st}, fmt.Errorf("unknown source type %q", src.Type)
	}
	if req.URL == "" {
		return PollResult{State: st}, errors.New("no URL configured")
	}

	resp, err := p.fetch.Fetch(ctx, req)
	if err != nil {
		return PollResult{State: st}, err
	}
	if resp.NotModified {
		return PollResult{NotModified: true, State: FetchState{ETag: resp.ETag, LastModified: resp.LastModified}}, nil
	}
	res := PollResult{}
	if src.Type != config.SourceGDELT {
		res.State = FetchState{ETag: resp.ETag, LastModified: resp.LastModified}
	}

	var parsed Parsed
	switch src.Type {
	case config.SourceRSS:
		parsed, err = ParseFeed(resp.Body, resp.ContentType, resp.URL, p.cfg.MaxItems)
	case config.SourceHTML:
		parsed, err = ParseListing(resp.Body, resp.ContentType, resp.URL, src.HTML, p.cfg.MaxItems)
	case config.SourceGDELT:
		parsed, err = ParseGDELT(resp.Body, p.cfg.MaxItems)
	}
	if err != nil {
		// Keep the old validators: with the new ones the next poll
		// would get a 304 and never look at this body again.
		return PollResult{State: st}, fmt.Errorf("parse %s: %w", redactRaw(resp.URL), err)
	}
	res.Warnings = append(res.Warnings, parsed.Warnings...)
	res.Articles, res.Warnings = p.finish(src, parsed, res.Warnings)
	res.Warnings = append(res.Warnings, p.fulltext(ctx, src, res.Articles)...)
	if err := ctx.Err(); err != nil {
		// Cut short (usually shutdown): the articles lack their full
		// text, so do not let them be stored as if complete.
		return PollResult{State: st}, fmt.Errorf("interrupted: %w", err)
	}
	return res, nil
}

// finish canonicalises links, fills the source fields and drops unusable
// items and exact duplicates.
func (p *Poller) finish(src config.Source, parsed Parsed, warnings []string) ([]news.Article, []string) {
	kind := news.KindMedia
	if news.SourceKind(strings.ToLower(src.Kind)) == news.KindOfficial {
		kind = news.KindOfficial
	}
	hint := normalizeLanguage(src.Language)
	fetched := p.now().UTC()

	out := make([]news.Article, 0, len(parsed.Articles))
	seenURL := make(map[string]bool, len(parsed.Articles))
	guidURL := make(map[string]string, len(parsed.Articles))
	badGUID := make(map[string]bool)
	var noLink, dups int
	var firstNoLink string
	for _, a := range parsed.Articles {
		canon, err := Canonicalize(a.URL)
		if err != nil {
			noLink++
			if firstNoLink == "" {
				firstNoLink = a.Title
				if firstNoLink == "" {
					firstNoLink = a.GUID
				}
			}
			continue
		}
		// Exact duplicates share a canonical URL. A GUID is not enough:
		// some feeds give every item the same one.
		if seenURL[canon] {
			dups++
			continue
		}
		seenURL[canon] = true
		if a.GUID != "" {
			if u, ok := guidURL[a.GUID]; ok && u != canon {
				badGUID[a.GUID] = true
			}
			guidURL[a.GUID] = canon
		}
		a.URL = canon
		a.Source = src.Name
		a.SourceKind = kind
		a.Fetched = fetched
		switch {
		case hint != "":
			a.Language = hint
		case a.Language == "":
			a.Language = parsed.Language
		}
		out = append(out, a)
	}
	if len(badGUID) > 0 {
		// A GUID shared by different articles would merge them
		// downstream; drop it and let the URL identify them.
		n := 0
		for i := range out {
			if badGUID[out[i].GUID] {
				out[i].GUID = ""
				n++
			}
		}
		warnings = append(warnings, fmt.Sprintf("%d items share GUIDs with other items; ignored those GUIDs", n))
	}
	if noLink > 0 {
		warnings = append(warnings, fmt.Sprintf("skipped %d items without a usable link (first: %q)", noLink, truncateRunes(firstNoLink, 80)))
	}
	if dups > 0 {
		warnings = append(warnings, fmt.Sprintf("dropped %d duplicate items", dups))
	}
	return out, warnings
}

// wantsFulltext applies the source's policy to one article.
func (p *Poller) wantsFulltext(src config.Source, a news.Article) bool {
	switch strings.ToLower(src.Fulltext) {
	case config.FulltextNever:
		return false
	case config.FulltextAlways:
		return true
	}
	return utf8.RuneCountInString(strings.TrimSpace(a.Body())) < p.cfg.FulltextThreshold
}

// fulltext fetches article pages for the articles the policy selects and
// are not stored yet, updating them in place. It returns warnings for the
// pages that failed.
func (p *Poller) fulltext(ctx context.Context, src config.Source, arts []news.Article) []string {
	var todo []int
	for i, a := range arts {
		if !p.wantsFulltext(src, a) {
			continue
		}
		if p.seen != nil {
			known, err := p.seen.Seen(ctx, a.URL, a.GUID)
			if err != nil {
				p.log.Warn("watchers: seen check failed; fetching full text anyway", "source", src.Name, "article", a.URL, "err", err)
			} else if known {
				continue
			}
		}
		todo = append(todo, i)
	}
	var warnings []string
	if len(todo) > MaxFulltextPerPoll {
		warnings = append(warnings, fmt.Sprintf("full text skipped for %d articles over the per-poll cap of %d", len(todo)-MaxFulltextPerPoll, MaxFulltextPerPoll))
		todo = todo[:MaxFulltextPerPoll]
	}
	if len(todo) == 0 {
		return warnings
	}

	var mu sync.Mutex
	var failed []string
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(fulltextWorkers, len(todo)) {
		wg.Go(func() {
			for i := range jobs {
				if err := p.fillText(ctx, &arts[i]); err != nil {
					mu.Lock()
					failed = append(failed, err.Error())
					mu.Unlock()
				}
			}
		})
	}
feed:
	for _, i := range todo {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	for _, f := range failed {
		warnings = append(warnings, "full text: "+f)
	}
	return warnings
}

// fillText fetches one article page and folds what it says into a.
func (p *Poller) fillText(ctx context.Context, a *news.Article) error {
	resp, err := p.fetch.Fetch(ctx, Request{URL: a.URL, Accept: acceptHTML})
	if err != nil {
		return err
	}
	if resp.NotModified {
		return nil
	}
	page, err := ExtractPage(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return fmt.Errorf("extract %s: %w", redactRaw(resp.URL), err)
	}
	if utf8.RuneCountInString(page.Text) > utf8.RuneCountInString(strings.TrimSpace(a.Body())) {
		a.Text = page.Text
	}
	if page.Canonical != "" && page.Canonical != a.URL {
		// The page's own canonical URL is the better identity. Keep
		// the listing's link as the GUID when there was none, so the
		// next poll, which only sees the listing link, still matches.
		if a.GUID == "" {
			a.GUID = a.URL
		}
		a.URL = page.Canonical
	}
	if a.Language == "" {
		a.Language = page.Language
	}
	return nil
}
