package query

import (
	"fmt"
	"slices"

	"sovwatch/news"
)

// Watchlist is what a channel asked to be alerted about: a query over the
// article plus filters over its detected statements.
type Watchlist struct {
	ID    int64
	Query string
	// Types, Actors and Targets restrict which statements count, exactly
	// like type:, actor: and target: fields ANDed into every statement
	// group of the query. Actors and Targets take codes or country names.
	Types   []news.StatementType
	Actors  []string
	Targets []string
	// MinConfidence ignores statements the detector is less sure of.
	MinConfidence float64
	// AnyArticle ("statements: any") lets the watchlist match articles
	// without any qualifying statement. Without it, a watchlist alerts only
	// on articles with at least one statement that passes the filters.
	AnyArticle bool
}

// Compiled is a watchlist ready for evaluation. It is immutable, so a match
// can keep using it after the index has replaced it.
type Compiled struct {
	w        Watchlist
	root     *node // lowered tree; nil matches everything
	filter   stmtFilter
	anchors  []key // presearch keys: a matching document has at least one
	anchored bool  // false: must be evaluated on every document
	req      key   // a second key a matching document has, when hasReq
	hasReq   bool
}

// stmtFilter is the watchlist-level restriction on statements.
type stmtFilter struct {
	types   uint8 // bit per index in news.StatementTypes; 0 = any
	actors  []string
	targets []string
	minConf float64
	// byType is set when the filter restricts nothing but the types and
	// the confidence, as most do: then the document's highest confidence
	// per type decides at once whether any statement passes.
	byType bool
}

func (f *stmtFilter) eligible(s *docStatement) bool {
	if !typeAndConf(f.types, f.minConf, s) {
		return false
	}
	if len(f.actors) > 0 && !slices.Contains(f.actors, s.actor) {
		return false
	}
	if len(f.targets) > 0 {
		for _, t := range s.targets {
			if slices.Contains(f.targets, t) {
				return true
			}
		}
		return false
	}
	return true
}

// typeAndConf reports whether a statement is of one of the types (any
// when none) and at least as confident as minConf. A NaN confidence is
// below no threshold.
func typeAndConf(types uint8, minConf float64, s *docStatement) bool {
	if types != 0 && (s.typ == unknownType || types&(1<<s.typ) == 0) {
		return false
	}
	return !(s.conf < minConf)
}

// Compile parses and checks a watchlist. Errors are *Error values with a
// position in the query when the query is at fault.
func Compile(w Watchlist, opt Options) (*Compiled, error) {
	n, err := parse(w.Query, opt)
	if err != nil {
		return nil, err
	}
	if w.MinConfidence < 0 || w.MinConfidence > 1 || w.MinConfidence != w.MinConfidence {
		return nil, &Error{Msg: fmt.Sprintf("min_confidence %v is out of range", w.MinConfidence), Hint: "use a number from 0 to 1"}
	}
	c := &Compiled{w: w, root: pack(lower(n)), filter: stmtFilter{minConf: w.MinConfidence}}
	c.w.Types = slices.Clone(w.Types)
	for _, t := range w.Types {
		i := typeIndex(t)
		if i == unknownType {
			if pt, ok := news.ParseStatementType(string(t)); ok {
				i = typeIndex(pt)
			} else {
				return nil, &Error{Msg: fmt.Sprintf("unknown statement type '%s' in types", t), Hint: "use threat, rejection, assertion or offer"}
			}
		}
		c.filter.types |= 1 << i
	}
	for _, a := range w.Actors {
		code, err := resolveCountry(a, 0, opt.Countries)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		c.filter.actors = append(c.filter.actors, code)
	}
	for _, t := range w.Targets {
		code, err := resolveCountry(t, 0, opt.Countries)
		if err != nil {
			return nil, fmt.Errorf("targets: %w", err)
		}
		c.filter.targets = append(c.filter.targets, code)
	}
	c.w.Actors, c.w.Targets = c.filter.actors, c.filter.targets
	c.filter.byType = len(c.filter.actors) == 0 && len(c.filter.targets) == 0
	c.chooseAnchors()
	return c, nil
}

// Watchlist returns the watchlist as compiled, with countries resolved to
// codes.
func (c *Compiled) Watchlist() Watchlist { return c.w }

// String renders the query in canonical form, with statement groups written
// as stmt{...}: useful to show a user how their query was understood.
func (c *Compiled) String() string {
	if c.root == nil {
		return "*"
	}
	return c.root.String()
}

// lower turns the parsed tree into the evaluated one by forming statement
// groups. The rules, in the order they apply:
//
//   - In an AND group, the children made only of statement fields
//     (type/actor/target/speaker, possibly parenthesised with AND, OR and
//     NOT among themselves) that are not negated form one group together
//     with the negated statement-only children: a single statement must
//     satisfy every positive child and none of the negated ones.
//     `type:threat target:MX -actor:US` is "a threat against Mexico by
//     anyone but the US".
//   - A negated statement-only child with no positive statement sibling
//     negates at document level: `mexico -type:threat` is "about Mexico,
//     with no threat statement at all".
//   - Any other statement-only subtree (alone, or an OR alternative) is
//     satisfied when one statement satisfies it as a whole, so inside
//     parentheses made only of statement fields everything applies to the
//     same statement: `(type:threat actor:US) OR (type:offer actor:CN)`.
//   - Statement fields separated by a text term or an OR that mixes text
//     and statements are independent: `type:threat (actor:US OR mexico)`
//     does not tie the threat to the US.
func lower(n *node) *node {
	if n == nil {
		return nil
	}
	if n.kind == kNot && statementOnly(n.kids[0]) {
		return &node{kind: kNot, pos: n.pos, kids: []*node{exists(n.kids[0])}}
	}
	if n.kind == kAnd {
		var pos, neg, other []*node
		for _, k := range n.kids {
			switch {
			case k.kind == kNot && statementOnly(k.kids[0]):
				neg = append(neg, k)
			case k.kind != kNot && statementOnly(k):
				pos = append(pos, k)
			default:
				other = append(other, k)
			}
		}
		out := &node{kind: kAnd, pos: n.pos}
		if len(pos) > 0 {
			group := append(pos, neg...)
			var pred *node
			if len(group) == 1 {
				pred = group[0]
			} else {
				pred = &node{kind: kAnd, pos: group[0].pos, kids: group}
			}
			out.kids = append(out.kids, exists(pred))
		} else {
			for _, k := range neg {
				out.kids = append(out.kids, lower(k))
			}
		}
		for _, k := range other {
			out.kids = append(out.kids, lower(k))
		}
		if len(out.kids) == 1 {
			return out.kids[0]
		}
		return out
	}
	if statementOnly(n) {
		return exists(n)
	}
	if len(n.kids) == 0 || n.kind == kNear {
		return n
	}
	out := *n
	out.kids = make([]*node, len(n.kids))
	for i, k := range n.kids {
		out.kids[i] = lower(k)
	}
	return &out
}

// pack copies a tree into three contiguous arrays (nodes, child pointers,
// words). The index evaluates candidates in no particular order, and a
// watchlist spread over a dozen small allocations costs a cache miss each;
// packed, it costs a few.
func pack(root *node) *node {
	if root == nil {
		return nil
	}
	var nodes, kids, words int
	var count func(n *node)
	count = func(n *node) {
		nodes, kids, words = nodes+1, kids+len(n.kids), words+len(n.words)
		for _, k := range n.kids {
			count(k)
		}
	}
	count(root)
	ns := make([]node, 0, nodes)
	ks := make([]*node, 0, kids)
	ws := make([]string, 0, words)
	var cp func(n *node) *node
	cp = func(n *node) *node {
		ns = append(ns, *n)
		out := &ns[len(ns)-1]
		if n.words != nil {
			ws = append(ws, n.words...)
			out.words = ws[len(ws)-len(n.words) : len(ws) : len(ws)]
		}
		if n.kids != nil {
			start := len(ks)
			ks = append(ks, n.kids...) // placeholders, replaced below
			out.kids = ks[start:len(ks):len(ks)]
			for i, k := range n.kids {
				out.kids[i] = cp(k)
			}
		}
		return out
	}
	return cp(root)
}

// kExists marks a lowered statement group: it holds when one eligible
// statement satisfies pred.
const kExists nodeKind = 100

func exists(pred *node) *node { return &node{kind: kExists, pos: pred.pos, kids: []*node{pred}} }

func statementOnly(n *node) bool {
	switch n.kind {
	case kAnd, kOr, kNot:
		for _, k := range n.kids {
			if !statementOnly(k) {
				return false
			}
		}
		return true
	}
	return n.isStatementField()
}

// Match reports whether the document satisfies the watchlist.
func (c *Compiled) Match(d *Document) bool {
	if !c.w.AnyArticle && !c.filter.anyEligible(d) {
		return false
	}
	return c.root == nil || c.eval(c.root, d)
}

// anyEligible reports whether a statement of the document passes the
// filter.
func (f *stmtFilter) anyEligible(d *Document) bool {
	if f.byType {
		return d.maxConfOf(f.types) >= f.minConf
	}
	for i := range d.stmts {
		if f.eligible(&d.stmts[i]) {
			return true
		}
	}
	return false
}

func (c *Compiled) eval(n *node, d *Document) bool {
	switch n.kind {
	case kAnd:
		for _, k := range n.kids {
			if !c.eval(k, d) {
				return false
			}
		}
		return true
	case kOr:
		for _, k := range n.kids {
			if c.eval(k, d) {
				return true
			}
		}
		return false
	case kNot:
		return !c.eval(n.kids[0], d)
	case kExists:
		for i := range d.stmts {
			s := &d.stmts[i]
			if c.filter.eligible(s) && evalStatement(n.kids[0], s) {
				return true
			}
		}
		return false
	}
	return evalLeaf(n, d)
}

// evalLeaf evaluates a word, wildcard, phrase, NEAR, source or language
// leaf on the document.
func evalLeaf(n *node, d *Document) bool {
	switch n.kind {
	case kTerm:
		p := d.positions(n.words[0])
		return len(p) > 0 && (!n.title || p[0] < d.titleEnd)
	case kPrefix:
		return d.hasPrefix(n.words[0], n.title)
	case kPhrase:
		return d.hasPhrase(n.words, n.title)
	case kNear:
		return d.near(n)
	case kSource:
		return containsRun(d.source, n.words)
	case kLang:
		return d.lang == n.code
	}
	return false
}

func evalStatement(n *node, s *docStatement) bool {
	switch n.kind {
	case kAnd:
		for _, k := range n.kids {
			if !evalStatement(k, s) {
				return false
			}
		}
		return true
	case kOr:
		for _, k := range n.kids {
			if evalStatement(k, s) {
				return true
			}
		}
		return false
	case kNot:
		return !evalStatement(n.kids[0], s)
	case kType:
		return s.typ != unknownType && news.StatementTypes[s.typ] == n.typ
	case kActor:
		return s.actor == n.code
	case kTarget:
		return slices.Contains(s.targets, n.code)
	case kSpeaker:
		return containsRun(s.speaker, n.words)
	}
	return false
}

// containsRun reports whether run occurs as consecutive words in ws.
func containsRun(ws, run []string) bool {
	for i := 0; i+len(run) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func (d *Document) hasPrefix(p string, title bool) bool {
	found := false
	d.withPrefix(p, func(id int32) bool {
		found = !title || d.inTitle(id)
		return !found
	})
	return found
}

// phrase calls f with each position where the phrase starts until f
// returns false. It does not allocate: it runs for every phrase candidate.
func (d *Document) phrase(ws []string, title bool, f func(p int32) bool) {
	var buf [maxPhrase][]int32
	if lists := d.wordLists(ws, &buf); lists != nil {
		d.phraseIn(lists, title, f)
	}
}

// wordLists returns the positions of each of the words, nil when one is
// missing.
func (d *Document) wordLists(ws []string, buf *[maxPhrase][]int32) [][]int32 {
	for i, w := range ws {
		if buf[i] = d.positions(w); buf[i] == nil {
			return nil
		}
	}
	return buf[:len(ws)]
}

// phraseIn is phrase over the positions of the phrase's words.
func (d *Document) phraseIn(lists [][]int32, title bool, f func(p int32) bool) {
	last := int32(len(lists) - 1)
outer:
	for _, p := range lists[0] {
		if title && p+last >= d.titleEnd {
			return
		}
		for j := 1; j < len(lists); j++ {
			if _, ok := slices.BinarySearch(lists[j], p+int32(j)); !ok {
				continue outer
			}
		}
		if !f(p) {
			return
		}
	}
}

func (d *Document) hasPhrase(ws []string, title bool) bool {
	found := false
	d.phrase(ws, title, func(int32) bool { found = true; return false })
	return found
}

// span is an occurrence of a NEAR operand, first and last word positions.
type span struct{ s, e int32 }

// spans appends the occurrences of a NEAR operand to dst, in order.
func (d *Document) spans(n *node, dst []span) []span {
	switch n.kind {
	case kTerm, kPhrase:
		var buf [maxPhrase][]int32
		if lists := d.wordLists(n.words, &buf); lists != nil {
			return d.wordSpans(lists, n.title, dst)
		}
		return dst
	case kPrefix:
		d.withPrefix(n.words[0], func(id int32) bool {
			for _, p := range d.lists[id] {
				dst = append(dst, span{p, p})
			}
			return true
		})
		slices.SortFunc(dst, func(a, b span) int { return int(a.s - b.s) })
	}
	if n.title {
		dst = slices.DeleteFunc(dst, func(s span) bool { return s.e >= d.titleEnd })
	}
	return dst
}

// wordSpans appends the occurrences of a word or phrase, given the
// positions of its words, to dst.
func (d *Document) wordSpans(lists [][]int32, title bool, dst []span) []span {
	l := int32(len(lists) - 1)
	d.phraseIn(lists, title, func(p int32) bool { dst = append(dst, span{p, p + l}); return true })
	return dst
}

// near holds when an occurrence of each operand lies within n words of the
// other, counted between their closest ends, in either order. Two operands
// never use the very same occurrence, so "war NEAR/3 war" needs two wars.
func (d *Document) near(n *node) bool {
	var bufA, bufB [32]span
	a := d.spans(n.kids[0], bufA[:0])
	if len(a) == 0 {
		return false
	}
	return spansNear(a, d.spans(n.kids[1], bufB[:0]), int32(n.n))
}

func spansNear(a, b []span, n int32) bool {
	for _, x := range a {
		for _, y := range b {
			if x != y && spanDist(x, y) <= n {
				return true
			}
		}
	}
	return false
}

func spanDist(x, y span) int32 {
	switch {
	case y.s > x.e:
		return y.s - x.e
	case x.s > y.e:
		return x.s - y.e
	}
	return 0
}

// Explanation says why a watchlist matched a document: the query terms found
// and the statements that satisfied its statement fields or filters.
type Explanation struct {
	Terms      []string // matched words, phrases and fields in canonical form
	Statements []int    // indexes into the statements given to NewDocument
}

// Explain evaluates the watchlist on the document and, when it matches,
// reports what satisfied it. It is slower than Match and meant for the few
// matches that become alerts.
func (c *Compiled) Explain(d *Document) (Explanation, bool) {
	if !c.Match(d) {
		return Explanation{}, false
	}
	var e Explanation
	stmts := map[int]bool{}
	if c.root != nil {
		c.explain(c.root, d, &e, stmts)
	}
	if len(stmts) == 0 {
		// No statement field in the query: the statements that let the
		// watchlist alert are the eligible ones.
		for i := range d.stmts {
			if c.filter.eligible(&d.stmts[i]) {
				stmts[i] = true
			}
		}
	}
	for i := range stmts {
		e.Statements = append(e.Statements, i)
	}
	slices.Sort(e.Statements)
	return e, true
}

// explain collects the leaves that hold under a satisfied node. Negated
// parts contribute nothing: their absence is not something to show.
func (c *Compiled) explain(n *node, d *Document, e *Explanation, stmts map[int]bool) {
	switch n.kind {
	case kAnd, kOr:
		for _, k := range n.kids {
			if c.eval(k, d) {
				c.explain(k, d, e, stmts)
			}
		}
	case kNot:
	case kExists:
		for i := range d.stmts {
			s := &d.stmts[i]
			if c.filter.eligible(s) && evalStatement(n.kids[0], s) {
				stmts[i] = true
			}
		}
	default:
		if c.eval(n, d) {
			e.Terms = append(e.Terms, n.String())
		}
	}
}
