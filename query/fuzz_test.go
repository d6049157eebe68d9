package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"sovwatch/news"
)

// FuzzParse holds the parser to its promises on any input: it never panics,
// it refuses only with a positioned *Error, and what it accepts can be
// compiled, lowered and evaluated, and re-parses from its canonical form to
// the same tree.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		"", "mexico", `"foreign intervention" -climate`, "interven* OR soberan*", "(a OR b) AND NOT c",
		"troops NEAR/3 border", `"armed forces" NEAR/20 title:venezuela`, "type:threat actor:US target:Mexico",
		`speaker:"Díaz-Canel" type:offer`, "source:reuters lang:es", "((a)", "a)", "tyep:x", "NEAR/0", "-", "-(", `title:"x`,
		"type:threat -actor:US (target:MX OR target:CU)", "NOT (actor:US OR actor:CN) mexico",
	} {
		f.Add(q)
	}
	a, st := fixture()
	doc := NewDocument(a, st)
	f.Fuzz(func(t *testing.T, q string) {
		n, err := parse(q, testOpt)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("parse(%q): error %T is not *Error", q, err)
			}
			if qe.Pos < 0 || qe.Pos > utf8.RuneCountInString(q)+1 {
				t.Fatalf("parse(%q): position %d outside the query", q, qe.Pos)
			}
			return
		}
		c, err := Compile(Watchlist{Query: q, AnyArticle: true}, testOpt)
		if err != nil {
			t.Fatalf("parse accepted %q but Compile refused: %v", q, err)
		}
		c.Match(doc)
		c.Explain(doc)
		canon := n.String()
		if n == nil || len(canon) > MaxQueryLen {
			return // quoting can push a query at the limit over it
		}
		n2, err := parse(canon, testOpt)
		var qe *Error
		if errors.As(err, &qe) && strings.HasPrefix(qe.Msg, "query nests deeper") {
			return // the canonical form's parentheses can add a level at the limit
		}
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", canon, q, err)
		}
		if n2.String() != canon {
			t.Fatalf("canonical form not stable: %q -> %q -> %q", q, canon, n2.String())
		}
	})
}

// FuzzDocument feeds arbitrary article text, as a hostile or broken feed
// might, through NewDocument and the index, and holds the index to the
// per-watchlist evaluation.
func FuzzDocument(f *testing.F) {
	f.Add("Sheinbaum rejects US intervention in Mexico", "Díaz-Canel: «¡No!» — soberanía, 2025.", "Reuters", "es-MX")
	f.Add("", "", "", "")
	f.Add("\xff\xfe", "e\u0301 İstanbul ǅ ß ﬁ", "El País", "EN")
	queries := []string{"mexico", "interven*", `"foreign intervention"`, "troops NEAR/3 border", "title:mexico -climate",
		"source:reuters lang:es", "soberan* OR diaz", "type:threat", "-climate", "istanbul OR fi OR ss"}
	x := NewIndex(testOpt)
	var cs []*Compiled
	for i, q := range queries {
		c, err := Compile(Watchlist{ID: int64(i), Query: q, AnyArticle: i%2 == 0}, testOpt)
		if err != nil {
			f.Fatal(err)
		}
		x.AddCompiled(c)
		cs = append(cs, c)
	}
	_, st := fixture()
	f.Fuzz(func(t *testing.T, title, body, source, lang string) {
		doc := NewDocument(news.Article{Title: title, Summary: body, Source: source, Language: lang}, st)
		got := x.Match(doc)
		var want []int64
		for _, c := range cs {
			if c.Match(doc) {
				want = append(want, c.w.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("index %v, evaluation %v", got, want)
		}
	})
}
