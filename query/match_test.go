package query

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"sovwatch/news"
)

func fixture() (news.Article, []news.Statement) {
	a := news.Article{
		Source:   "Reuters World",
		Language: "en",
		Title:    "Sheinbaum rejects US military intervention in Mexico",
		Text: "Mexican President Claudia Sheinbaum said on Tuesday that Mexico will not accept any foreign intervention. " +
			"\"Sovereignty is not negotiable,\" she told reporters. Díaz-Canel of Cuba offered support. " +
			"The comments came after Washington threatened to send troops to the border to fight cartels.",
	}
	st := []news.Statement{
		{Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Targets: []string{"US"}, Confidence: 0.9},
		{Type: news.InterventionThreat, Speaker: "Donald Trump", Actor: "US", Targets: []string{"MX"}, Confidence: 0.6},
		{Type: news.AssistanceOffer, Speaker: "Miguel Díaz-Canel", Actor: "CU", Targets: []string{"MX"}, Confidence: 0.8},
	}
	return a, st
}

func TestMatch(t *testing.T) {
	a, st := fixture()
	doc := NewDocument(a, st)
	bare := NewDocument(a, nil)
	tests := []struct {
		name string
		w    Watchlist
		doc  *Document
		want bool
	}{
		{"word", Watchlist{Query: "mexico"}, doc, true},
		{"case and accents", Watchlist{Query: "MÉXICO soberanía"}, doc, false},
		{"two words", Watchlist{Query: "Mexico sovereignty"}, doc, true},
		{"whole words only", Watchlist{Query: "mexic"}, doc, false},
		{"wildcard", Watchlist{Query: "interven*"}, doc, true},
		{"wildcard no match", Watchlist{Query: "invasi*"}, doc, false},
		{"title term", Watchlist{Query: "title:intervention"}, doc, true},
		{"title excludes body", Watchlist{Query: "title:sovereignty"}, doc, false},
		{"title wildcard", Watchlist{Query: "title:reject*"}, doc, true},
		{"phrase", Watchlist{Query: `"foreign intervention"`}, doc, true},
		{"phrase order", Watchlist{Query: `"intervention foreign"`}, doc, false},
		{"hyphenated name", Watchlist{Query: "diaz-canel"}, doc, true},
		{"accented name", Watchlist{Query: "DÍAZ canel"}, doc, true},
		{"title phrase", Watchlist{Query: `title:"in mexico"`}, doc, true},
		{"phrase across title and body", Watchlist{Query: `"mexico mexican"`}, doc, false},
		{"near within", Watchlist{Query: "troops NEAR/3 border"}, doc, true},
		{"near reversed", Watchlist{Query: "border NEAR/3 troops"}, doc, true},
		{"near too far", Watchlist{Query: "troops NEAR/2 border"}, doc, false},
		{"near phrase", Watchlist{Query: `"send troops" NEAR/5 cartels`}, doc, false},
		{"near phrase within", Watchlist{Query: `"send troops" NEAR/6 cartels`}, doc, true},
		{"near not across title", Watchlist{Query: "mexico NEAR/1 mexican"}, doc, false},
		{"near in body", Watchlist{Query: "sheinbaum NEAR/1 claudia"}, doc, true},
		{"near title only", Watchlist{Query: "title:mexico NEAR/1 mexican"}, doc, false},
		{"near same word needs two", Watchlist{Query: "sheinbaum NEAR/20 sheinbaum"}, doc, false},
		{"or", Watchlist{Query: "venezuela OR cuba"}, doc, true},
		{"not", Watchlist{Query: "mexico -cartels"}, doc, false},
		{"not absent", Watchlist{Query: "mexico NOT climate"}, doc, true},
		{"source", Watchlist{Query: "source:reuters"}, doc, true},
		{"source other", Watchlist{Query: "source:\"associated press\""}, doc, false},
		{"lang", Watchlist{Query: "lang:EN"}, doc, true},
		{"lang other", Watchlist{Query: "lang:es"}, doc, false},

		{"same statement", Watchlist{Query: "type:threat actor:US target:MX"}, doc, true},
		{"fields of different statements", Watchlist{Query: "type:threat actor:MX"}, doc, false},
		{"two types never one statement", Watchlist{Query: "type:threat type:rejection"}, doc, false},
		{"negated field joins the group", Watchlist{Query: "type:threat -actor:US"}, doc, false},
		{"negated field joins the group, other", Watchlist{Query: "type:offer -actor:US"}, doc, true},
		{"lone negated field is document level", Watchlist{Query: "mexico -type:threat"}, doc, false},
		{"lone negated field absent", Watchlist{Query: "mexico -type:sovereignty_assertion"}, doc, true},
		{"NOT actor", Watchlist{Query: "NOT actor:US"}, doc, false},
		{"NOT actor absent", Watchlist{Query: "NOT actor:RU"}, doc, true},
		{"speaker", Watchlist{Query: "speaker:SHEINBAUM type:rejection"}, doc, true},
		{"speaker other statement", Watchlist{Query: "speaker:sheinbaum type:threat"}, doc, false},
		{"speaker accents", Watchlist{Query: `speaker:"diaz canel" type:offer`}, doc, true},
		{"speaker full name", Watchlist{Query: `speaker:"Claudia Sheinbaum"`}, doc, true},
		{"target by name", Watchlist{Query: "target:México type:offer"}, doc, true},
		{"grouped alternatives", Watchlist{Query: "(type:threat actor:US) OR (type:offer actor:CN)"}, doc, true},
		{"grouped alternatives miss", Watchlist{Query: "(type:threat actor:CN) OR (type:offer actor:US)"}, doc, false},
		{"statement or inside group", Watchlist{Query: "type:threat (actor:CN OR actor:US)"}, doc, true},
		{"mixed or is independent", Watchlist{Query: "type:threat (actor:MX OR cartels)"}, doc, true},
		{"text and statement", Watchlist{Query: "cartels type:threat target:MX"}, doc, true},

		{"needs a statement", Watchlist{Query: "mexico"}, bare, false},
		{"statements any", Watchlist{Query: "mexico", AnyArticle: true}, bare, true},
		{"empty query needs a statement", Watchlist{}, bare, false},
		{"empty query with statements", Watchlist{}, doc, true},
		{"min confidence", Watchlist{Query: "type:threat", MinConfidence: 0.7}, doc, false},
		{"min confidence keeps others", Watchlist{Query: "type:rejection", MinConfidence: 0.7}, doc, true},
		{"types filter", Watchlist{Query: "type:rejection", Types: []news.StatementType{news.InterventionThreat}}, doc, false},
		{"types filter short form", Watchlist{Query: "mexico", Types: []news.StatementType{"threat"}}, doc, true},
		{"actors filter", Watchlist{Query: "mexico", Actors: []string{"Estados Unidos"}}, doc, true},
		{"actors filter miss", Watchlist{Query: "mexico", Actors: []string{"RU"}}, doc, false},
		{"filters join the group", Watchlist{Query: "type:threat", Targets: []string{"US"}}, doc, false},
		{"filters alone", Watchlist{Targets: []string{"US"}, MinConfidence: 0.5}, doc, true},
		{"negation sees only eligible statements", Watchlist{Query: "mexico -type:threat", MinConfidence: 0.7}, doc, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Compile(tt.w, testOpt)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Match(tt.doc); got != tt.want {
				t.Fatalf("%q: got %v, want %v (lowered %s)", tt.w.Query, got, tt.want, c)
			}
			x := NewIndex(testOpt)
			tt.w.ID = 7
			if err := x.Add(tt.w); err != nil {
				t.Fatal(err)
			}
			if got := len(x.Match(tt.doc)) == 1; got != tt.want {
				t.Fatalf("%q via index: got %v, want %v (anchors %v)", tt.w.Query, got, tt.want, c.anchors)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	a, st := fixture()
	doc := NewDocument(a, st)
	tests := []struct {
		q          string
		terms      []string
		statements []int
	}{
		{"sovereign* type:rejection target:US", []string{"sovereign*"}, []int{0}},
		{`mexico OR "foreign intervention" OR venezuela`, []string{"mexico", `"foreign intervention"`}, []int{0, 1, 2}},
		{"target:MX troops", []string{"troops"}, []int{1, 2}},
		{"(target:MX -cartels) OR troops", []string{"troops"}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			x := NewIndex(testOpt)
			if err := x.Add(Watchlist{ID: 1, Query: tt.q}); err != nil {
				t.Fatal(err)
			}
			e, ok := x.Explain(1, doc)
			if !ok {
				t.Fatal("no match")
			}
			if !slices.Equal(e.Terms, tt.terms) || !slices.Equal(e.Statements, tt.statements) {
				t.Fatalf("got %+v, want terms %v statements %v", e, tt.terms, tt.statements)
			}
		})
	}
}

func TestIndexUpdates(t *testing.T) {
	a, st := fixture()
	doc := NewDocument(a, st)
	x := NewIndex(testOpt)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(x.Add(Watchlist{ID: 1, Query: "mexico"}))
	must(x.Add(Watchlist{ID: 2, Query: "venezuela"}))
	must(x.Add(Watchlist{ID: 3, Query: "interven* -climate"}))
	must(x.Add(Watchlist{ID: 4, Query: "-climate", AnyArticle: true}))
	check := func(want ...int64) {
		t.Helper()
		if got := x.Match(doc); !slices.Equal(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	check(1, 3, 4)
	must(x.Update(Watchlist{ID: 2, Query: "cuba"}))
	check(1, 2, 3, 4)
	must(x.Update(Watchlist{ID: 1, Query: "venezuela"}))
	check(2, 3, 4)
	if err := x.Update(Watchlist{ID: 2, Query: "tyep:threat"}); err == nil {
		t.Fatal("bad update accepted")
	}
	check(2, 3, 4) // a refused update leaves the old watchlist in place
	if !x.Remove(3) || x.Remove(3) {
		t.Fatal("Remove did not report presence")
	}
	x.Remove(4)
	check(2)
	must(x.Add(Watchlist{ID: 5, Query: "interven*"}))
	check(2, 5)
	if x.Len() != 3 {
		t.Fatalf("Len = %d", x.Len())
	}
	x.Remove(5)
	x.Remove(1)
	x.Remove(2)
	if len(x.heads) != 0 || len(x.always[0])+len(x.always[1]) != 0 || len(x.byID) != 0 || len(x.shared) != 0 {
		t.Fatalf("keys left behind: %v %v %v", x.heads, x.always, x.shared)
	}
	if slices.ContainsFunc(x.slots, func(s slot) bool { return s.p != nil }) {
		t.Fatal("programs left behind")
	}
	if x.dict.n != 0 {
		t.Fatalf("%d keys left behind in the dictionary", x.dict.n)
	}
}

// TestConcurrentUpdates is for -race: matching while watchlists change.
func TestConcurrentUpdates(t *testing.T) {
	a, st := fixture()
	doc := NewDocument(a, st)
	x := NewIndex(testOpt)
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			for i := range 300 {
				id := int64(g*1000 + i%50)
				q := []string{"mexico", "interven* type:threat", "-climate", "cuba NEAR/5 support"}[i%4]
				if err := x.Add(Watchlist{ID: id, Query: q, AnyArticle: i%3 == 0}); err != nil {
					panic(err)
				}
				if i%7 == 0 {
					x.Remove(id)
				}
			}
		})
	}
	for range 2 {
		wg.Go(func() {
			for range 300 {
				x.Match(doc)
			}
		})
	}
	wg.Wait()
	for _, id := range x.Match(doc) {
		if _, ok := x.Explain(id, doc); !ok {
			t.Fatal(fmt.Sprint("matched but cannot explain ", id))
		}
	}
}
