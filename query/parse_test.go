package query

import (
	"errors"
	"strings"
	"testing"

	"sovwatch/news"
)

// testCountries is a small stand-in for the geo package's gazetteer.
func testCountries(name string) (string, bool) {
	codes := map[string]string{
		"mexico": "MX", "méxico": "MX", "united states": "US", "estados unidos": "US", "usa": "US",
		"venezuela": "VE", "cuba": "CU", "china": "CN", "russia": "RU", "rusia": "RU", "colombia": "CO",
		"greenland": "GL", "groenlandia": "GL", "denmark": "DK", "panama": "PA", "panamá": "PA", "brazil": "BR", "brasil": "BR",
	}
	c, ok := codes[fold(strings.TrimSpace(name))]
	if !ok {
		c, ok = codes[strings.ToLower(strings.TrimSpace(name))]
	}
	return c, ok
}

var testOpt = Options{Countries: testCountries}

func TestParse(t *testing.T) {
	tests := []struct {
		q, want string
	}{
		{"", "*"},
		{"Mexico", "mexico"},
		{"Díaz-Canel", `"diaz canel"`},
		{`"foreign intervention"`, `"foreign intervention"`},
		{`"Soberanía"`, "soberania"},
		{"interven*", "interven*"},
		{"a b c", "(a AND b AND c)"},
		{"a AND b OR c", "((a AND b) OR c)"},
		{"a OR b c", "(a OR (b AND c))"},
		{"a (b OR c)", "(a AND (b OR c))"},
		{"NOT a b", "(NOT a AND b)"},
		{"greenland -climate", "(greenland AND NOT climate)"},
		{"greenland NOT (climate OR ice)", "(greenland AND NOT (climate OR ice))"},
		{"troops NEAR/3 border", "(troops NEAR/3 border)"},
		{`"armed forces" NEAR/10 venezuela`, `("armed forces" NEAR/10 venezuela)`},
		{"troops NEAR border", "(troops NEAR/5 border)"},
		{"title:Mexico", "title:mexico"},
		{`title:"Estados Unidos"`, `title:"estados unidos"`},
		{"source:Reuters lang:ES", `(source:"reuters" AND lang:es)`},
		{"type:threat", "type:intervention_threat"},
		{"type:sovereignty_assertion", "type:sovereignty_assertion"},
		{"actor:us target:Mexico", "(actor:US AND target:MX)"},
		{`target:"Estados Unidos"`, "target:US"},
		{"speaker:Sheinbaum", `speaker:"sheinbaum"`},
		{"10:30", `"10 30"`},
		{`mexico "or" cuba`, `(mexico AND "or" AND cuba)`},
		{"-(a OR b) c", "(NOT (a OR b) AND c)"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			n, err := parse(tt.q, testOpt)
			if err != nil {
				t.Fatalf("parse(%q): %v", tt.q, err)
			}
			if got := n.String(); got != tt.want {
				t.Fatalf("parse(%q) = %s, want %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		q, want string
	}{
		{"(mexico OR venezuela) AND (threat OR sanctions", "unbalanced parenthesis at 27: add ')'"},
		{"mexico)", "unbalanced parenthesis at 7: remove it or add '(' before it"},
		{"tyep:threat", "unknown field 'tyep' at 1: did you mean 'type'?"},
		{"mexico titel:x", "unknown field 'titel' at 8: did you mean 'title'?"},
		{"foo:bar", "unknown field 'foo' at 1: fields are title, source, lang, type, actor, target, speaker"},
		{"target:Mexcio", "unknown country 'Mexcio' at 8: use a two-letter code such as MX or a country name in English or Spanish"},
		{"type:thret", "unknown statement type 'thret' at 6: did you mean 'threat'?"},
		{"in*", `wildcard "in*" is too short at 1: a wildcard needs at least 3 letters before '*'`},
		{"in*ter", `misplaced wildcard in "in*ter" at 1: put '*' only at the end of a single word, as in interven*`},
		{"a NEAR/21 b", `bad distance in "NEAR/21" at 3: write NEAR/n with n from 1 to 20`},
		{"a NEAR/x b", `bad distance in "NEAR/x" at 3: write NEAR/n with n from 1 to 20`},
		{"a NEAR/3 (b OR c)", `NEAR needs a word or phrase on its right at 3: write word NEAR/5 "some phrase"`},
		{"a NEAR/3 b NEAR/3 c", "NEAR cannot be chained at 12: use NEAR between two words and join the pairs with AND"},
		{`"open phrase`, `unterminated phrase at 1: add '"' at the end of the phrase`},
		{`""`, "empty phrase at 1: put words between the quotes"},
		{"a OR", "OR needs something on its right at 3: put a word or phrase after it"},
		{"OR a", "OR needs something on its left at 1: put a word or phrase before it"},
		{"a AND", "AND needs something on its right at 3: put a word or phrase after it"},
		{"NOT", "NOT needs something to exclude at 1: put a word or phrase after it"},
		{"()", "empty parentheses at 1: put something between them or remove them"},
		{"lang:spanish", `bad language "spanish" at 6: write a two-letter code such as lang:es`},
		{"mexico or cuba", `lower-case 'or' at 8: write OR in capitals for the operator, or "or" in quotes to search the word`},
		{"!!!", `"!!!" has no letters or digits at 1: search for words made of letters or digits`},
		{strings.Repeat("w ", 41), "query has more than 40 terms at 81: split it into several watchlists"},
		{strings.Repeat("(", 30) + "a" + strings.Repeat(")", 30), "query nests deeper than 20 levels at 21: simplify the query"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := parse(tt.q, testOpt)
			if err == nil {
				t.Fatalf("parse(%q) succeeded, want %q", tt.q, tt.want)
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("parse(%q) error %T is not *Error", tt.q, err)
			}
			if err.Error() != tt.want {
				t.Fatalf("parse(%q) error\n got %q\nwant %q", tt.q, err.Error(), tt.want)
			}
		})
	}
}

func TestWatchlistErrors(t *testing.T) {
	tests := []struct {
		name string
		w    Watchlist
		want string
	}{
		{"confidence", Watchlist{MinConfidence: 1.5}, "min_confidence 1.5 is out of range: use a number from 0 to 1"},
		{"type", Watchlist{Types: []news.StatementType{"thraet"}}, "unknown statement type 'thraet' in types: use threat, rejection, assertion or offer"},
		{"actor", Watchlist{Actors: []string{"Atlantis"}}, "actors: unknown country 'Atlantis': use a two-letter code such as MX or a country name in English or Spanish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(tt.w, testOpt)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestUnknownCountryIs(t *testing.T) {
	_, err := Compile(Watchlist{Query: "mexico", Targets: []string{"Mexcio"}}, testOpt)
	if !errors.Is(err, ErrUnknownCountry) {
		t.Fatalf("got %v, want ErrUnknownCountry", err)
	}
	if want := "targets: unknown country 'Mexcio': use a two-letter code such as MX or a country name in English or Spanish"; err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	if _, err := Compile(Watchlist{Query: "actor:Mexico"}, Options{}); !errors.Is(err, ErrUnknownCountry) {
		t.Fatalf("without resolver: got %v, want ErrUnknownCountry", err)
	}
}
