package digest

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxQuoteRunes keeps one long quote from drowning the rest of the digest in
// a terminal; the link leads to the whole of it.
const maxQuoteRunes = 240

// Text renders the digest as plain text for the console, with times in loc
// (UTC when nil). Everything taken from a source is untrusted: control
// characters, terminal escapes included, are replaced so that a headline
// cannot rewrite the operator's screen.
func Text(d Digest, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Digest for %s, %s to %s (%s)\n", clean(d.Watchlist),
		d.From.In(loc).Format(longTime), d.To.In(loc).Format(longTime), loc)
	b.WriteString(d.Summary())
	b.WriteString("\n")
	section := ""
	n := 0
	for _, s := range d.Stories {
		heading := "OTHER STORIES"
		if s.Type != "" {
			heading = strings.ToUpper(TypeNoun(s.Type)) + "S"
		}
		if heading != section {
			section = heading
			fmt.Fprintf(&b, "\n%s\n", heading)
		}
		n++
		fmt.Fprintf(&b, "%d. %s\n", n, clean(s.Title))
		if st := s.Top; st != nil {
			who := clean(st.Speaker)
			if who == "" {
				who = "unnamed speaker"
			}
			actor := st.Actor
			if actor == "" {
				actor = "?"
			}
			fmt.Fprintf(&b, "   [%s %.2f] %s (%s -> %s)", TypeNoun(st.Type), st.Confidence, who, clean(actor), clean(strings.Join(st.Targets, ", ")))
			if q := clean(st.Quote); q != "" {
				fmt.Fprintf(&b, ": \"%s\"", truncate(q, maxQuoteRunes))
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "   %s from %s, first %s", plural(s.Articles, "article", "articles"), plural(s.Outlets(), "outlet", "outlets"), s.First.In(loc).Format(shortTime))
		if len(s.Sources) > 0 {
			fmt.Fprintf(&b, ": %s", clean(strings.Join(s.Sources, ", ")))
		}
		b.WriteString("\n")
		official := ""
		if s.Official {
			official = " (official)"
		}
		fmt.Fprintf(&b, "   %s%s\n", link(s.URL), official)
	}
	return b.String()
}

// link returns u for display when it is an absolute http or https URL, and
// a placeholder otherwise: a javascript: or file: link from a feed is not
// something to put in front of an operator.
func link(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "(no http link)"
	}
	return clean(p.String())
}

const (
	longTime  = "Mon 2 Jan 2006 15:04"
	shortTime = "Mon 2 Jan 15:04"
)

// clean replaces control characters (newlines, ESC, DEL, C1 controls,
// bidirectional overrides) with spaces and collapses runs of space, so that
// untrusted text stays on its line and cannot carry terminal escapes.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
	}), " ")
}

// truncate cuts s to at most n runes, at a word boundary when one is near,
// and marks the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))*3/4 {
		return strings.TrimRight(string(r)[:i], " ,;:") + "…"
	}
	return string(r) + "…"
}
