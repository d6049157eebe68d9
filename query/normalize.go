package query

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldPool reuses accent-stripping transformers: a transform.Chain keeps
// state, so it cannot be shared between goroutines, and building one per call
// costs more than the folding of a short headline.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// fold lower-cases s and strips combining accents so that "Díaz-Canel",
// "DIAZ-CANEL" and "diaz-canel" compare equal. Queries and documents go
// through the same function, which is what makes matching accent-insensitive.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		// Most English and much Spanish text is plain ASCII: skip the
		// Unicode machinery entirely.
		return asciiLower(s)
	}
	if out, ok := foldLatin(s); ok {
		return out
	}
	return foldSlow(s)
}

// latinFold holds, for every rune below latinEnd, what foldSlow makes of it
// alone. Latin letters decompose one by one and their accents are all
// nonspacing marks, so folding them rune by rune gives what the full
// transform gives, at a fraction of the cost; Spanish text never leaves this
// range.
const latinEnd = 0x250

var latinFold = func() (t [latinEnd]string) {
	for r := rune(0); r < latinEnd; r++ {
		t[r] = foldSlow(string(r))
	}
	return t
}()

func foldLatin(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < latinEnd:
			if r < utf8.RuneSelf {
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				b = append(b, byte(r))
			} else {
				b = append(b, latinFold[r]...)
			}
		case r >= 0x300 && r < 0x370:
			// Combining diacritical marks, all nonspacing: dropped.
		default:
			return "", false
		}
	}
	return string(b), true
}

// foldSlow is the reference folding: canonical decomposition, nonspacing
// marks removed, recomposed, lower-cased.
func foldSlow(s string) string {
	t := foldPool.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldPool.Put(t)
	if err != nil {
		// Invalid UTF-8 cannot fail NFD in practice; fall back to the raw
		// text rather than dropping the document.
		out = s
	}
	return strings.ToLower(out)
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isWordRune says which runes belong to words. Everything else (spaces,
// punctuation, hyphens, apostrophes) separates words, so "Díaz-Canel" is the
// two words "diaz canel" in documents and in queries alike.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks the ASCII bytes that belong to words, so that the common
// case of the tokeniser is one table lookup per byte.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// words appends the words of an already folded string to dst. The words are
// substrings of s, so tokenising allocates nothing but the slice.
func words(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		var in bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			in = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = isWordRune(r)
		}
		if in {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// foldWords folds s and splits it into words.
func foldWords(s string) []string { return words(nil, fold(s)) }
