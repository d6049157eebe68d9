package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latinFold maps every rune below 0x250 to its lower-case base letter, so that
// "Díaz-Canel", "DIAZ-CANEL" and "diaz-canel" compare equal. It is computed
// once from the Unicode decompositions rather than typed by hand.
var latinFold = func() [0x250]rune {
	var t [0x250]rune
	for r := rune(0); r < 0x250; r++ {
		d := []rune(norm.NFD.String(string(r)))
		t[r] = unicode.ToLower(d[0])
	}
	// Letters without a decomposition that news text still spells with.
	for r, f := range map[rune]rune{'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ı': 'i', 'æ': 'a', 'Æ': 'a', 'œ': 'o', 'Œ': 'o', 'ß': 's'} {
		t[r] = f
	}
	return t
}()

// FoldRune returns the lower-case, accent-free form of r. Runes outside the
// Latin blocks are only lower-cased.
func FoldRune(r rune) rune {
	if r >= 0 && r < 0x250 {
		return latinFold[r]
	}
	switch r {
	case '\u2019', '\u2018', '\u02bc', '\u2032':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
		return '-'
	}
	return unicode.ToLower(r)
}

// Key is the form under which names are stored and looked up: folded, with
// words split on anything that is not a letter or digit and re-joined with
// single spaces; a dot inside a word is kept so "U.S." and "EE.UU." stay
// distinct from "us". "Mexico's" becomes "mexico s".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prevWord := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		f := FoldRune(r)
		switch {
		case unicode.IsLetter(f) || unicode.IsDigit(f):
			if !prevWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(f)
			prevWord = true
		case f == '.' && prevWord && i+n < len(s) && isLetterAt(s, i+n):
			b.WriteByte('.')
		case f == '-' && prevWord && i+n < len(s) && isLetterAt(s, i+n):
			// Hyphenated names ("Díaz-Canel") are one word.
			b.WriteByte('-')
		default:
			prevWord = false
		}
		i += n
	}
	return b.String()
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
