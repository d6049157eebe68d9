package bot

import (
	"strings"
	"unicode"
)

// highlight escapes s with esc and wraps each whole-word, case-insensitive
// occurrence of a term in open and close. Terms ending in "*" match as
// prefixes, as in the query language. Markup is added around escaped
// text only, so a term cannot carry syntax into the message.
func highlight(s string, terms []string, esc escaper, open, close string) string {
	rs := []rune(s)
	low := make([]rune, len(rs))
	for i, r := range rs {
		low[i] = unicode.ToLower(r)
	}
	marked := make([]bool, len(rs))
	for _, t := range terms {
		prefix := strings.HasSuffix(t, "*")
		t = strings.Trim(t, "*\" ")
		tr := []rune(strings.ToLower(t))
		if len(tr) < 2 {
			continue
		}
		for i := 0; i+len(tr) <= len(low); i++ {
			if i > 0 && isWordRune(low[i-1]) {
				continue
			}
			if string(low[i:i+len(tr)]) != string(tr) {
				continue
			}
			end := i + len(tr)
			if prefix {
				for end < len(low) && isWordRune(low[end]) {
					end++
				}
			} else if end < len(low) && isWordRune(low[end]) {
				continue
			}
			for j := i; j < end; j++ {
				marked[j] = true
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && marked[j] == marked[i] {
			j++
		}
		if marked[i] {
			b.WriteString(open)
		}
		for _, r := range rs[i:j] {
			esc(r, &b)
		}
		if marked[i] {
			b.WriteString(close)
		}
		i = j
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// displayTerm shows a query term for a reader: a trailing wildcard becomes
// an ellipsis ("sovereign…"), so it cannot be mistaken for (or break) bold
// markup.
func displayTerm(t string) string {
	if strings.HasSuffix(t, "*") {
		return strings.TrimRight(t, "*") + "…"
	}
	return t
}
