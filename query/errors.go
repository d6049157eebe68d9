package query

import (
	"errors"
	"fmt"
)

// Error is a refusal of a query, pointing at the offending place so that a
// chat user can fix it: "unbalanced parenthesis at 23: add ')'".
type Error struct {
	Pos  int    // 1-based character position in the query; 0 when the whole query is at fault
	Msg  string // what is wrong
	Hint string // how to fix it; may be empty

	cause error // a sentinel such as ErrUnknownCountry, for errors.Is
}

// Unwrap exposes the sentinel behind the refusal, if any.
func (e *Error) Unwrap() error { return e.cause }

// Error renders the refusal as "msg at pos: hint".
func (e *Error) Error() string {
	s := e.Msg
	if e.Pos > 0 {
		s = fmt.Sprintf("%s at %d", s, e.Pos)
	}
	if e.Hint != "" {
		s += ": " + e.Hint
	}
	return s
}

// ErrUnknownCountry is wrapped by errors about country names the resolver
// does not know, so callers can branch on it with errors.Is.
var ErrUnknownCountry = errors.New("unknown country")

func errAt(pos int, hint, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// levenshtein is small and only used on field and type names, so the plain
// quadratic algorithm is fine.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// closest returns the candidate nearest to s when it is close enough to be a
// plausible typo.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := levenshtein(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best, best != ""
}
