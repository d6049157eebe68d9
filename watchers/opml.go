package watchers

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"

	"sovwatch/config"
)

// opmlOutline is one node of an OPML body; feeds are outlines with an
// xmlUrl, folders are outlines holding others.
type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	Type     string        `xml:"type,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Language string        `xml:"language,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Body    []opmlOutline `xml:"body>outline"`
}

// ParseOPML reads a feed reader's OPML export into rss sources named after
// each feed's title, made unique. Entries without a usable http(s) feed URL
// are skipped and reported in the returned warnings.
func ParseOPML(data []byte) ([]config.Source, []string, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("opml: not an OPML document: %w", err)
	}
	var (
		out      []config.Source
		warnings []string
		names    = map[string]int{}
		urls     = map[string]bool{}
	)
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			walk(o.Outlines)
			if o.XMLURL == "" {
				continue
			}
			title := strings.TrimSpace(o.Title)
			if title == "" {
				title = strings.TrimSpace(o.Text)
			}
			u, err := url.Parse(strings.TrimSpace(o.XMLURL))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				warnings = append(warnings, fmt.Sprintf("skipped %q: feed URL %q is not http(s)", title, o.XMLURL))
				continue
			}
			if urls[u.String()] {
				warnings = append(warnings, fmt.Sprintf("skipped %q: feed %s is listed twice", title, u))
				continue
			}
			urls[u.String()] = true
			name := Slug(title)
			if name == "" {
				name = Slug(u.Host)
			}
			if name == "" {
				name = "feed" // neither title nor host has a letter or digit
			}
			if n := names[name]; n > 0 {
				names[name]++
				name = fmt.Sprintf("%s-%d", name, n+1)
			} else {
				names[name] = 1
			}
			src := config.Source{Name: name, Type: config.SourceRSS, URL: u.String()}
			if lang := strings.ToLower(o.Language); len(lang) >= 2 {
				src.Language = lang[:2]
			}
			out = append(out, src)
		}
	}
	walk(doc.Body)
	if len(out) == 0 && len(warnings) == 0 {
		return nil, nil, fmt.Errorf("opml: the document lists no feeds")
	}
	return out, warnings, nil
}

// Slug makes a short source name from a title: lower case, accents
// dropped, words joined by hyphens, at most 40 characters.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}
