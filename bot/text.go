package bot

import (
	"strings"
	"unicode/utf16"
)

// textLen counts a string as the chat platforms do at worst: in UTF-16
// code units, which is never fewer than the characters they document.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// escaper rewrites one rune of untrusted text for a platform's syntax.
type escaper func(r rune, b *strings.Builder)

// clip escapes raw with esc and cuts the result to at most limit (in
// textLen units), ending in "…" when cut. It cuts between runes of the raw
// text, never inside an escape, and backs up to a word boundary when one is
// near, so a cut can never leave half an entity ("&am") or a dangling
// backslash.
func clip(raw string, limit int, esc escaper) string {
	if limit <= 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range raw {
		esc(r, &b)
	}
	if textLen(b.String()) <= limit {
		return b.String()
	}
	// Escape again, stopping where the next rune (and the ellipsis) would
	// not fit; remember the last word boundary.
	b.Reset()
	used, lastSpace := 0, -1
	var piece strings.Builder
	for _, r := range raw {
		piece.Reset()
		esc(r, &piece)
		n := textLen(piece.String())
		if used+n+1 > limit {
			break
		}
		if r == ' ' {
			lastSpace = b.Len()
		}
		b.WriteString(piece.String())
		used += n
	}
	out := b.String()
	if lastSpace > len(out)/2 {
		out = out[:lastSpace]
	}
	return strings.TrimRight(out, " ") + "…"
}

// plain is the escaper for text that needs no escaping.
func plain(r rune, b *strings.Builder) { b.WriteRune(r) }
