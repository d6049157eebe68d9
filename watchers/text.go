package watchers

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// HTMLToText reduces an HTML fragment (a feed description, a content
// element) to plain text: tags gone, entities decoded, scripts and styles
// dropped, block elements turned into line breaks and runs of white space
// collapsed. Plain text goes through unchanged apart from entities and
// white space.
func HTMLToText(s string) string {
	if !strings.Contains(s, "<") {
		// No markup: skip the tokenizer, which allocates 4 KiB per call.
		return collapseSpace(html.UnescapeString(s))
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "noscript", "template":
				if tt := z.Token(); tt.Type == html.StartTagToken {
					skip++
				}
			case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "header", "footer", "ul", "ol", "table", "figure", "figcaption", "pre", "hr":
				b.WriteByte('\n')
			case "td", "th", "dt", "dd", "img", "input", "button", "label":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "noscript", "template":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "header", "footer", "ul", "ol", "table", "figure", "figcaption", "pre":
				b.WriteByte('\n')
			case "td", "th", "dt", "dd", "button", "label":
				b.WriteByte(' ')
			}
		}
	}
}

var blankLines = regexp.MustCompile(`\n{3,}`)

// collapseSpace trims each line, collapses runs of spaces and keeps at
// most one blank line between paragraphs.
func collapseSpace(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, func(r rune) bool {
			return unicode.IsSpace(r) && r != '\n'
		}), " ")
	}
	s = strings.Join(lines, "\n")
	s = blankLines.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

var xmlEncodingDecl = regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])([A-Za-z0-9._:\-]+)(["'])`)

// xmlDeclaredCharset returns the encoding named in an XML declaration.
func xmlDeclaredCharset(b []byte) string {
	head := b[:min(len(b), 512)]
	m := xmlEncodingDecl.FindSubmatch(head)
	if m == nil {
		return ""
	}
	return string(m[3])
}

// contentTypeCharset returns the charset parameter of a Content-Type.
func contentTypeCharset(ct string) string {
	for _, p := range strings.Split(ct, ";")[1:] {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

func isUTF8Label(l string) bool {
	switch strings.ToLower(strings.TrimSpace(l)) {
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return true
	}
	return false
}

// decodeXML converts a feed body to UTF-8 and rewrites its XML declaration
// to say so, so the XML parser does not convert it a second time.
//
// Order of trust: a byte-order mark; then, if the bytes are valid UTF-8,
// UTF-8 whatever the labels say (a Latin-1 label on UTF-8 bytes is a far
// more common mistake than Latin-1 bytes that happen to be valid UTF-8);
// otherwise the HTTP charset, then the XML declaration, skipping any label
// that claims UTF-8, and finally Windows-1252, which is what invalid
// "UTF-8" from Spanish- and Portuguese-language sites almost always is.
// ISO-8859-1 labels decode as Windows-1252, as browsers do.
func decodeXML(b []byte, contentType string) []byte {
	out := toUTF8(b, contentType, xmlDeclaredCharset(b))
	if m := xmlEncodingDecl.FindSubmatchIndex(out[:min(len(out), 512)]); m != nil {
		var buf bytes.Buffer
		buf.Grow(len(out))
		buf.Write(out[:m[6]])
		buf.WriteString("UTF-8")
		buf.Write(out[m[7]:])
		out = buf.Bytes()
	}
	return out
}

// decodeHTML converts an HTML page to UTF-8, trusting in order a BOM,
// valid UTF-8, the HTTP charset and the page's own <meta> declaration, and
// falling back to Windows-1252.
func decodeHTML(b []byte, contentType string) []byte {
	meta := ""
	if _, name, certain := charset.DetermineEncoding(b[:min(len(b), 1024)], "text/html"); certain || name != "windows-1252" {
		// DetermineEncoding reports its default as windows-1252 when it
		// found nothing; anything else came from a BOM or a meta tag.
		meta = name
	}
	return toUTF8(b, contentType, meta)
}

func toUTF8(b []byte, contentType, declared string) []byte {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return []byte(strings.ToValidUTF8(string(b[3:]), "\uFFFD"))
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), b)
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), b)
	}
	if utf8.Valid(b) {
		return b
	}
	for _, label := range []string{contentTypeCharset(contentType), declared} {
		if label == "" || isUTF8Label(label) {
			continue
		}
		enc, name := charset.Lookup(label)
		if enc == nil || name == "utf-8" || name == "utf-16le" || name == "utf-16be" {
			continue
		}
		return decodeWith(enc, b)
	}
	return decodeWith(charmap.Windows1252, b)
}

func decodeWith(enc encoding.Encoding, b []byte) []byte {
	if enc == xunicode.UTF8 {
		return b
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		// Decoders for single-byte charsets do not fail; a multi-byte one
		// can on garbage. Keep what is readable.
		return []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	return out
}

// guardPanic turns a panic in a third-party parser into an error, so one
// hostile document cannot take the whole bot down. Use as
// defer guardPanic(&err, "what").
func guardPanic(err *error, what string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: parser panicked: %v", what, r)
	}
}
