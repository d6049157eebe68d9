package watchers

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"sovwatch/config"
	"sovwatch/news"
)

// Parse errors callers may branch on.
var (
	// ErrEmptyBody: the source answered with nothing (or only white space).
	ErrEmptyBody = errors.New("empty body")
	// ErrNotFeed: the body is not RSS, Atom or JSON Feed (often an HTML
	// page: a login wall, a consent page, a moved site).
	ErrNotFeed = errors.New("not a feed")
)

// Parsed is what a parser found in one response: articles with raw fields
// filled (Title, URL resolved but not yet checked, GUID, Summary, Text,
// Published, Language) and any warnings worth logging.
type Parsed struct {
	Language string // the document's own language, ISO 639-1, or empty
	Articles []news.Article
	Warnings []string
}

// ParseFeed parses an RSS 0.9x/1.0/2.0, Atom or JSON Feed document.
// contentType is the HTTP Content-Type (for its charset); feedURL resolves
// relative item links. At most maxItems items are taken (0 means
// DefaultMaxItems); the rest are dropped with a warning. Items without a
// date, or with one that does not parse, get a zero Published.
func ParseFeed(body []byte, contentType, feedURL string, maxItems int) (_ Parsed, err error) {
	defer guardPanic(&err, "feed")
	if maxItems <= 0 {
		maxItems = config.DefaultMaxItems
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return Parsed{}, ErrEmptyBody
	}
	data := decodeXML(body, contentType)

	// Detect on a wider window than gofeed.Parser's 4 KiB, so a feed
	// with a long comment or stylesheet prologue is still recognised,
	// then run the matching parser and translator directly.
	var feed *gofeed.Feed
	var perr error
	switch gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), 64<<10)])) {
	case gofeed.FeedTypeRSS:
		var f *rss.Feed
		if f, perr = (&rss.Parser{}).Parse(bytes.NewReader(data)); perr == nil {
			feed, perr = (&gofeed.DefaultRSSTranslator{}).Translate(f)
		}
	case gofeed.FeedTypeAtom:
		var f *atom.Feed
		if f, perr = (&atom.Parser{}).Parse(bytes.NewReader(data)); perr == nil {
			feed, perr = (&gofeed.DefaultAtomTranslator{}).Translate(f)
		}
	case gofeed.FeedTypeJSON:
		var f *jsonfeed.Feed
		if f, perr = (&jsonfeed.Parser{}).Parse(bytes.NewReader(data)); perr == nil {
			feed, perr = (&gofeed.DefaultJSONTranslator{}).Translate(f)
		}
	default:
		if looksLikeHTML(data) {
			return Parsed{}, fmt.Errorf("%w: got an HTML page (Content-Type %q)", ErrNotFeed, contentType)
		}
		return Parsed{}, fmt.Errorf("%w: no rss, feed or JSON Feed root (starts %q)", ErrNotFeed, snippet(data, 40))
	}
	if perr != nil {
		return Parsed{}, fmt.Errorf("malformed %s: %w", feedKind(data), perr)
	}
	if feed == nil {
		return Parsed{}, fmt.Errorf("malformed %s: nothing parsed", feedKind(data))
	}

	base, _ := url.Parse(feedURL)
	if feed.Link != "" {
		// Relative item links are relative to the site, which the feed
		// names, more often than to the feed's own URL.
		if l, err := url.Parse(strings.TrimSpace(feed.Link)); err == nil && l.IsAbs() {
			base = l
		}
	}

	out := Parsed{Language: normalizeLanguage(feed.Language)}
	items := feed.Items
	if len(items) > maxItems {
		out.Warnings = append(out.Warnings, fmt.Sprintf("feed has %d items; took the first %d", len(items), maxItems))
		items = items[:maxItems]
	}
	out.Articles = make([]news.Article, 0, len(items))
	for _, it := range items {
		if it == nil {
			continue
		}
		a := news.Article{
			GUID:    strings.TrimSpace(it.GUID),
			Title:   HTMLToText(it.Title),
			Summary: HTMLToText(it.Description),
		}
		if c := HTMLToText(it.Content); c != "" && c != a.Summary {
			a.Text = c
		}
		if a.Summary == "" && a.Text != "" {
			a.Summary = truncateRunes(a.Text, 500)
		}
		link := strings.TrimSpace(it.Link)
		if link == "" {
			for _, l := range it.Links {
				if l = strings.TrimSpace(l); l != "" {
					link = l
					break
				}
			}
		}
		if link == "" && isHTTPURL(a.GUID) {
			// RSS 2.0: a guid with isPermaLink (the default) is the link.
			link = a.GUID
		}
		a.URL = resolveRef(base, link)
		a.Published = itemTime(it)
		out.Articles = append(out.Articles, a)
	}
	return out, nil
}

func itemTime(it *gofeed.Item) time.Time {
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() && t.Year() > 1970 && t.Year() < 3000 {
			return t.UTC()
		}
	}
	// gofeed's date parser knows English names only; try ours on the
	// raw strings before giving up.
	for _, s := range []string{it.Published, it.Updated} {
		if t, ok := parseDate(s, ""); ok {
			return t
		}
	}
	return time.Time{}
}

func feedKind(data []byte) string {
	switch gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), 64<<10)])) {
	case gofeed.FeedTypeAtom:
		return "Atom feed"
	case gofeed.FeedTypeJSON:
		return "JSON Feed"
	}
	return "RSS feed"
}

// looksLikeHTML reports whether a document starts like an HTML page.
func looksLikeHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	return strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") ||
		strings.Contains(head, "<head") || strings.Contains(head, "<body")
}

// snippet returns the first n runes of b on one line, for error messages.
func snippet(b []byte, n int) string {
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(b[:min(len(b), n*4)]), "?")), " ")
	return truncateRunes(s, n)
}

func truncateRunes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for pos := range s {
		if i == n {
			return strings.TrimSpace(s[:pos]) + "…"
		}
		i++
	}
	return s
}

func isHTTPURL(s string) bool {
	ls := strings.ToLower(s)
	return strings.HasPrefix(ls, "http://") || strings.HasPrefix(ls, "https://")
}

// resolveRef resolves ref against base, returning "" when it cannot be
// made into an absolute URL.
func resolveRef(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	if !r.IsAbs() {
		return ""
	}
	return r.String()
}
