package watchers

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
)

// maxReadabilityElements bounds the work readability does on one page; a
// page with more elements than this is not an article page.
const maxReadabilityElements = 50000

// Page is what an article page says about itself.
type Page struct {
	Title string
	Text  string // main text as plain text, paragraphs separated by blank lines
	// Canonical is the page's rel=canonical or og:url, canonicalised, when
	// present, on the same site as the page and not its home page; else
	// empty.
	Canonical string
	Language  string // from <html lang>, ISO 639-1, or empty
}

// ExtractPage pulls the main text out of an article page with
// go-readability, and its canonical URL and language from its markup.
// pageURL is the URL the page was fetched from (after redirects).
func ExtractPage(body []byte, contentType, pageURL string) (_ Page, err error) {
	defer guardPanic(&err, "article page")
	if len(bytes.TrimSpace(body)) == 0 {
		return Page{}, ErrEmptyBody
	}
	if ct := strings.ToLower(contentType); ct != "" && !strings.Contains(ct, "html") && !strings.Contains(ct, "xml") {
		return Page{}, fmt.Errorf("not an HTML page (Content-Type %q)", contentType)
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return Page{}, fmt.Errorf("bad page URL: %w", urlParseErr(err))
	}
	doc, err := html.Parse(bytes.NewReader(decodeHTML(body, contentType)))
	if err != nil {
		return Page{}, fmt.Errorf("malformed HTML: %w", err)
	}

	var p Page
	canon, lang := pageMeta(doc)
	p.Language = normalizeLanguage(lang)
	if canon != "" {
		if c, err := url.Parse(strings.TrimSpace(canon)); err == nil {
			c = u.ResolveReference(c)
			// A canonical pointing at the home page is a common CMS
			// mistake; taking it would merge every article of the site.
			isRoot := func(x *url.URL) bool { return strings.Trim(x.EscapedPath(), "/") == "" }
			if c.IsAbs() && sameSite(u, c) && (!isRoot(c) || isRoot(u)) {
				if s, err := Canonicalize(c.String()); err == nil {
					p.Canonical = s
				}
			}
		}
	}

	parser := readability.NewParser()
	parser.MaxElemsToParse = maxReadabilityElements
	art, err := parser.ParseDocument(doc, u)
	if err != nil {
		return p, fmt.Errorf("readability: %w", err)
	}
	p.Title = collapseSpace(art.Title)
	if art.Node != nil {
		p.Text = nodeText(art.Node)
	}
	if p.Text == "" {
		p.Text = collapseSpace(art.TextContent)
	}
	if p.Language == "" {
		p.Language = normalizeLanguage(art.Language)
	}
	return p, nil
}

// pageMeta finds <link rel=canonical>, <meta property=og:url> and
// <html lang>. rel=canonical wins over og:url when both are present.
func pageMeta(doc *html.Node) (canonical, lang string) {
	var ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if lang == "" {
					lang = attr(n, "lang")
				}
			case "link":
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case "meta":
				if ogURL == "" && strings.EqualFold(attr(n, "property"), "og:url") {
					ogURL = attr(n, "content")
				}
			case "body":
				// Metadata lives in <head>; a body can be huge.
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if canonical == "" {
		canonical = ogURL
	}
	return canonical, lang
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// nodeText renders readability's article node as plain text with block
// elements on their own lines, which TextContent would run together.
func nodeText(n *html.Node) string {
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		return ""
	}
	return HTMLToText(b.String())
}
