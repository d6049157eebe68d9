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
