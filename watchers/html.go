package watchers

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"sovwatch/config"
	"sovwatch/news"
)

// ErrSelector marks a CSS selector in the configuration that does not
// compile.
var ErrSelector = errors.New("bad CSS selector")

type listingSelectors struct {
	item, link, title, date cascadia.Selector
}

func compileSelectors(sel config.HTMLSelectors) (listingSelectors, error) {
	var s listingSelectors
	var errs []error
	compile := func(name, expr string, dst *cascadia.Selector, required bool) {
		expr = strings.TrimSpace(expr)
		if expr == "" {
			if required {
				errs = append(errs, fmt.Errorf("%w: html.%s is empty", ErrSelector, name))
			}
			return
		}
		c, err := cascadia.Compile(expr)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: html.%s %q: %v", ErrSelector, name, expr, err))
			return
		}
		*dst = c
	}
	compile("item", sel.Item, &s.item, true)
	compile("link", sel.Link, &s.link, false)
	compile("title", sel.Title, &s.title, false)
	compile("date", sel.Date, &s.date, false)
	return s, errors.Join(errs...)
}

// ValidateSelectors reports whether a source's selectors compile, so
// check-config can say so before the first poll.
func ValidateSelectors(sel config.HTMLSelectors) error {
	_, err := compileSelectors(sel)
	return err
}

// ParseListing extracts articles from a listing page: each element that
// matches sel.Item is one article; within it sel.Link picks the link (default:
// the item itself if it is an <a>, else its first a[href]), sel.Title the
// title (default: the link's text) and sel.Date the date (its datetime or
// content attribute, else its text), parsed with sel.DateLayout or common
// layouts including Spanish and Portuguese month names. Relative links
// resolve against pageURL (or the page's <base href>).
func ParseListing(body []byte, contentType, pageURL string, sel config.HTMLSelectors, maxItems int) (_ Parsed, err error) {
	defer guardPanic(&err, "listing")
	if maxItems <= 0 {
		maxItems = config.DefaultMaxItems
	}
	s, err := compileSelectors(sel)
	if err != nil {
		return Parsed{}, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return Parsed{}, ErrEmptyBody
	}
	root, err := html.Parse(bytes.NewReader(decodeHTML(body, contentType)))
	if err != nil {
		return Parsed{}, fmt.Errorf("malformed HTML: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)

	base, _ := url.Parse(pageURL)
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := url.Parse(strings.TrimSpace(href)); err == nil {
			if base != nil {
				b = base.ResolveReference(b)
			}
			if b.IsAbs() {
				base = b
			}
		}
	}

	out := Parsed{Language: normalizeLanguage(doc.Find("html").AttrOr("lang", ""))}
	items := doc.FindMatcher(s.item)
	if items.Length() == 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("html.item %q matched nothing; has the page changed?", sel.Item))
		return out, nil
	}
	if items.Length() > maxItems {
		out.Warnings = append(out.Warnings, fmt.Sprintf("page has %d items; took the first %d", items.Length(), maxItems))
		items = items.Slice(0, maxItems)
	}
	undated := 0
	items.Each(func(_ int, item *goquery.Selection) {
		var link *goquery.Selection
		switch {
		case s.link != nil:
			link = item.FindMatcher(s.link).First()
			if link.Length() == 0 && matchesSel(item, s.link) {
				link = item
			}
		case item.Is("a[href]"):
			link = item
		default:
			link = item.Find("a[href]").First()
		}
		href := ""
		if link != nil && link.Length() > 0 {
			href = link.AttrOr("href", "")
			if href == "" {
				href = link.Find("a[href]").First().AttrOr("href", "")
			}
		}
		a := news.Article{URL: resolveRef(base, href)}

		if s.title != nil {
			a.Title = collapseSpace(item.FindMatcher(s.title).First().Text())
		}
		if a.Title == "" && link != nil && link.Length() > 0 {
			a.Title = collapseSpace(link.Text())
			if a.Title == "" {
				a.Title = collapseSpace(link.AttrOr("title", ""))
			}
		}

		if s.date != nil {
			d := item.FindMatcher(s.date).First()
			raw := d.AttrOr("datetime", d.AttrOr("content", ""))
			if raw == "" {
				raw = d.Text()
			}
			if t, ok := parseDate(raw, sel.DateLayout); ok {
				a.Published = t
			} else {
				undated++
			}
		}
		out.Articles = append(out.Articles, a)
	})
	if undated > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%d of %d item dates did not parse", undated, len(out.Articles)))
	}
	return out, nil
}

func matchesSel(s *goquery.Selection, m cascadia.Selector) bool {
	return s.Length() > 0 && m.Match(s.Nodes[0])
}
