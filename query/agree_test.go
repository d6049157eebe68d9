package query

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"sovwatch/news"
)

// The reference evaluator below reads the parsed query straight against the
// raw article with linear scans. It shares the folding and tokenising with
// the package, nothing else: no Document, no lowering, no presearch. The
// agreement tests hold the index, the per-watchlist evaluation and this
// reference to the same answers.

type refDoc struct {
	title, body, source []string
	lang                string
	stmts               []news.Statement
}

func newRefDoc(a news.Article, st []news.Statement) refDoc {
	return refDoc{title: foldWords(a.Title), body: foldWords(a.Body()), source: foldWords(a.Source),
		lang: strings.SplitN(strings.SplitN(strings.ToLower(strings.TrimSpace(a.Language)), "-", 2)[0], "_", 2)[0], stmts: st}
}

type refWatch struct {
	w    Watchlist
	root *node
}

func (r refWatch) eligible(s news.Statement) bool {
	if len(r.w.Types) > 0 {
		ok := false
		for _, t := range r.w.Types {
			pt, _ := news.ParseStatementType(string(t))
			ok = ok || pt == s.Type
		}
		if !ok {
			return false
		}
	}
	if s.Confidence < r.w.MinConfidence {
		return false
	}
	code := func(v string) string { c, _ := resolveCountry(v, 0, testCountries); return c }
	if len(r.w.Actors) > 0 && !slices.ContainsFunc(r.w.Actors, func(a string) bool { return code(a) == strings.ToUpper(s.Actor) }) {
		return false
	}
	if len(r.w.Targets) > 0 && !slices.ContainsFunc(r.w.Targets, func(t string) bool {
		return slices.ContainsFunc(s.Targets, func(x string) bool { return strings.ToUpper(x) == code(t) })
	}) {
		return false
	}
	return true
}

func (r refWatch) match(d refDoc) bool {
	if !r.w.AnyArticle && !slices.ContainsFunc(d.stmts, r.eligible) {
		return false
	}
	return r.root == nil || r.eval(r.root, d)
}

func (r refWatch) some(d refDoc, pred func(news.Statement) bool) bool {
	for _, s := range d.stmts {
		if r.eligible(s) && pred(s) {
			return true
		}
	}
	return false
}

func (r refWatch) eval(n *node, d refDoc) bool {
	if n.kind == kAnd {
		var pos, neg []*node
		for _, k := range n.kids {
			if k.kind == kNot && statementOnly(k.kids[0]) {
				neg = append(neg, k.kids[0])
			} else if k.kind != kNot && statementOnly(k) {
				pos = append(pos, k)
			} else if !r.eval(k, d) {
				return false
			}
		}
		if len(pos) > 0 {
			return r.some(d, func(s news.Statement) bool {
				for _, p := range pos {
					if !refStmt(p, s) {
						return false
					}
				}
				for _, p := range neg {
					if refStmt(p, s) {
						return false
					}
				}
				return true
			})
		}
		for _, p := range neg {
			if r.some(d, func(s news.Statement) bool { return refStmt(p, s) }) {
				return false
			}
		}
		return true
	}
	if statementOnly(n) {
		if n.kind == kNot {
			return !r.some(d, func(s news.Statement) bool { return refStmt(n.kids[0], s) })
		}
		return r.some(d, func(s news.Statement) bool { return refStmt(n, s) })
	}
	switch n.kind {
	case kOr:
		for _, k := range n.kids {
			if r.eval(k, d) {
				return true
			}
		}
		return false
	case kNot:
		return !r.eval(n.kids[0], d)
	case kTerm, kPrefix, kPhrase:
		return len(refSpans(n, d.title)) > 0 || !n.title && len(refSpans(n, d.body)) > 0
	case kNear:
		for i, field := range [][]string{d.title, d.body} {
			if i == 1 && (n.kids[0].title || n.kids[1].title) {
				continue // a headline-only operand has no occurrences in the body
			}
			a, b := refSpans(n.kids[0], field), refSpans(n.kids[1], field)
			for _, x := range a {
				for _, y := range b {
					if x != y && spanDist(x, y) <= int32(n.n) {
						return true
					}
				}
			}
		}
		return false
	case kSource:
		return refRun(d.source, n.words)
	case kLang:
		return d.lang == n.code
	}
	panic(fmt.Sprint("reference: unexpected node ", n))
}

func refStmt(n *node, s news.Statement) bool {
	switch n.kind {
	case kAnd:
		for _, k := range n.kids {
			if !refStmt(k, s) {
				return false
			}
		}
		return true
	case kOr:
		for _, k := range n.kids {
			if refStmt(k, s) {
				return true
			}
		}
		return false
	case kNot:
		return !refStmt(n.kids[0], s)
	case kType:
		return s.Type == n.typ
	case kActor:
		return strings.ToUpper(s.Actor) == n.code
	case kTarget:
		return slices.ContainsFunc(s.Targets, func(t string) bool { return strings.ToUpper(t) == n.code })
	case kSpeaker:
		return refRun(foldWords(s.Speaker), n.words)
	}
	panic("reference: not a statement field")
}

func refRun(ws, run []string) bool {
	for i := 0; i+len(run) <= len(ws); i++ {
		if strings.Join(ws[i:i+len(run)], " ") == strings.Join(run, " ") {
			return true
		}
	}
	return false
}

// refSpans finds occurrences of a word, wildcard or phrase in one field.
func refSpans(n *node, field []string) []span {
	var out []span
	for i := range field {
		switch n.kind {
		case kTerm:
			if field[i] == n.words[0] {
				out = append(out, span{int32(i), int32(i)})
			}
		case kPrefix:
			if strings.HasPrefix(field[i], n.words[0]) {
				out = append(out, span{int32(i), int32(i)})
			}
		case kPhrase:
			if refRun(field[i:min(len(field), i+len(n.words))], n.words) {
				out = append(out, span{int32(i), int32(i + len(n.words) - 1)})
			}
		}
	}
	return out
}

// A small vocabulary so that random queries and random articles meet often
// enough for the matches to be interesting.
var (
	agreeWords    = []string{"mexico", "méxico", "soberanía", "sovereignty", "troops", "border", "intervention", "intervencion", "cuba", "diaz", "canel", "climate", "ice", "navy", "strike", "sanctions", "the", "of"}
	agreePrefixes = []string{"interven*", "sover*", "sobera*", "sanc*", "tro*", "bor*"}
	agreeCodes    = []string{"MX", "US", "CU", "VE", "GL", "CN"}
	agreeSpeakers = []string{"Claudia Sheinbaum", "Donald Trump", "Miguel Díaz-Canel", "Nicolás Maduro", "Mette Frederiksen"}
	agreeSources  = []string{"Reuters World", "El País", "La Jornada", "Associated Press"}
)

func randQuery(r *rand.Rand, depth int) string {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	leaf := func() string {
		switch r.IntN(19) {
		case 0, 1, 2:
			return pick(agreeWords)
		case 3:
			return pick(agreePrefixes)
		case 4:
			return `"` + pick(agreeWords) + " " + pick(agreeWords) + `"`
		case 5:
			return fmt.Sprintf("%s NEAR/%d %s", pick(agreeWords), 1+r.IntN(6), pick(append(agreePrefixes, agreeWords...)))
		case 6:
			return "title:" + pick(agreeWords)
		case 7:
			return "type:" + pick(typeNames)
		case 8:
			return "actor:" + pick(agreeCodes)
		case 9, 10:
			return "target:" + pick(agreeCodes)
		case 11:
			return `speaker:"` + strings.Fields(pick(agreeSpeakers))[r.IntN(2)] + `"`
		case 12:
			return "lang:" + pick([]string{"en", "es"})
		case 13:
			return `source:"` + pick(agreeSources) + `"`
		case 14:
			return `title:"` + pick(agreeWords) + " " + pick(agreeWords) + `"`
		case 15:
			return "source:" + pick([]string{"reuters", "pais", "jornada", "press"})
		case 16:
			return fmt.Sprintf(`"%s %s" NEAR/%d %s`, pick(agreeWords), pick(agreeWords), 1+r.IntN(6), pick(agreeWords))
		case 17:
			return fmt.Sprintf(`title:%s NEAR/%d "%s %s"`, pick(agreeWords), 1+r.IntN(6), pick(agreeWords), pick(agreeWords))
		}
		return pick(agreeWords) + " " + pick(agreeWords)
	}
	if depth == 0 || r.IntN(3) == 0 {
		return leaf()
	}
	n := 2 + r.IntN(2)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = randQuery(r, depth-1)
		if r.IntN(4) == 0 {
			parts[i] = pick([]string{"-", "NOT "}) + "(" + parts[i] + ")"
		} else {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, pick([]string{" ", " AND ", " OR "}))
}

func randWatchlist(r *rand.Rand, id int64) Watchlist {
	w := Watchlist{ID: id, Query: randQuery(r, 3), AnyArticle: r.IntN(3) == 0}
	if r.IntN(8) == 0 {
		w.Query = ""
	}
	if r.IntN(5) == 0 {
		w.Types = []news.StatementType{news.StatementTypes[r.IntN(4)], "threat"}[:1+r.IntN(2)]
	}
	if r.IntN(6) == 0 {
		w.Actors = []string{agreeCodes[r.IntN(len(agreeCodes))]}
	}
	if r.IntN(6) == 0 {
		w.Targets = []string{agreeCodes[r.IntN(len(agreeCodes))], "Mexico"}[:1+r.IntN(2)]
	}
	if r.IntN(4) == 0 {
		w.MinConfidence = r.Float64()
	}
	return w
}

func randArticle(r *rand.Rand) (news.Article, []news.Statement) {
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = agreeWords[r.IntN(len(agreeWords))]
			if r.IntN(10) == 0 {
				ws[i] = strings.ToUpper(ws[i]) + ","
			}
		}
		return strings.Join(ws, " ")
	}
	a := news.Article{Title: text(2 + r.IntN(6)), Summary: text(r.IntN(30)), Source: agreeSources[r.IntN(len(agreeSources))],
		Language: []string{"en", "es", "ES-mx", ""}[r.IntN(4)]}
	var st []news.Statement
	for range r.IntN(4) {
		s := news.Statement{Type: news.StatementTypes[r.IntN(4)], Speaker: agreeSpeakers[r.IntN(len(agreeSpeakers))],
			Actor: agreeCodes[r.IntN(len(agreeCodes))], Confidence: r.Float64()}
		for range r.IntN(3) {
			s.Targets = append(s.Targets, agreeCodes[r.IntN(len(agreeCodes))])
		}
		st = append(st, s)
	}
	return a, st
}

// TestAgreement checks, on random watchlists and articles and with random
// updates in between, that the index returns exactly the watchlists that
// evaluating every one of them returns, and that both agree with the
// reference evaluator. A third of the watchlists reuse another's query with
// their own filters, so that programs are shared, joined and left.
func TestAgreement(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 2026))
	x := NewIndex(testOpt)
	live := map[int64]refWatch{}
	compiled := map[int64]*Compiled{}
	add := func(id int64) {
		w := randWatchlist(r, id)
		if other, ok := live[int64(r.IntN(700))]; ok && r.IntN(3) == 0 {
			w.Query = other.w.Query
		}
		c, err := Compile(w, testOpt)
		if err != nil {
			return // random queries can exceed limits; refusals are tested elsewhere
		}
		root, _ := parse(w.Query, testOpt)
		x.AddCompiled(c)
		live[id], compiled[id] = refWatch{w: w, root: root}, c
	}
	for id := range int64(600) {
		add(id)
	}
	matched, checked := 0, 0
	for round := range 1500 {
		if round%10 == 0 {
			id := int64(r.IntN(700))
			if r.IntN(3) == 0 {
				x.Remove(id)
				delete(live, id)
				delete(compiled, id)
			} else {
				add(id)
			}
		}
		a, st := randArticle(r)
		doc, rd := NewDocument(a, st), newRefDoc(a, st)
		got := x.Match(doc)
		var brute, ref []int64
		for id, c := range compiled {
			if c.Match(doc) {
				brute = append(brute, id)
			}
			if live[id].match(rd) {
				ref = append(ref, id)
			}
		}
		slices.Sort(brute)
		slices.Sort(ref)
		if !slices.Equal(got, brute) || !slices.Equal(brute, ref) {
			for _, id := range symmetricDiff(got, ref) {
				t.Errorf("watchlist %d %+v (lowered %s, anchors %v): index %v, reference %v",
					id, live[id].w, compiled[id], compiled[id].anchors, slices.Contains(got, id), slices.Contains(ref, id))
			}
			for _, id := range symmetricDiff(brute, ref) {
				t.Errorf("watchlist %d %+v (lowered %s): evaluation %v, reference %v",
					id, live[id].w, compiled[id], slices.Contains(brute, id), slices.Contains(ref, id))
			}
			t.Fatalf("article %+v statements %+v", a, st)
		}
		matched += len(got)
		checked += len(compiled)
	}
	t.Logf("%d matches out of %d evaluations", matched, checked)
	if matched < checked/50 {
		t.Fatalf("too few matches (%d of %d) for the test to mean much", matched, checked)
	}
}

func symmetricDiff(a, b []int64) []int64 {
	var out []int64
	for _, v := range a {
		if !slices.Contains(b, v) {
			out = append(out, v)
		}
	}
	for _, v := range b {
		if !slices.Contains(a, v) {
			out = append(out, v)
		}
	}
	return out
}
