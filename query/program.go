package query

import (
	"fmt"
	"slices"
	"strings"
)

// program is a query as the index evaluates it: the lowered query
// flattened into a few bytes per node, its words replaced by the ids of
// dictionary entries. The index learns which entries a document carries
// while it looks up candidates, and which document word each word entry
// is, so most leaves cost a bit test, phrases and NEAR read the positions
// of those words, and statement fields compare packed codes: a candidate is
// read from one small block of memory instead of a walk through its
// Compiled tree. Only speakers, sources of several words, headline
// wildcards and NEAR with a wildcard are evaluated on the document from
// their nodes.
//
// Watchlists with the same query, filed the same way, share one program
// (see programKey): on a hosted instance many channels watch the same
// country or leader, and an article evaluates such a query once, then only
// checks each member's statement filter.
//
// A program is immutable, and the index replaces its list of members,
// never changes it in place. Its entry ids are only meaningful together with the
// presence bits computed while it was in the index, which is how Match uses
// it.
type program struct {
	code  []instr // copied into the slot when short
	nodes []*node // leaves evaluated on the document
	keys  []key   // dictionary entries referenced, released on removal

	key   string    // in Index.shared
	slot  int32     // in Index.slots and the postings
	filed *Compiled // the first member: its anchors are every member's
}

// member is one watchlist sharing a program, in 32 bytes: a busy article
// reads members by the hundred. Its statement filter is held as types and
// a threshold, which the document's highest confidence per type decides;
// only a filter on actors or targets needs the whole filter.
type member struct {
	id         int64
	minConf    float64
	types      uint8
	anyArticle bool
	filter     *stmtFilter // nil unless the filter names actors or targets
}

func newMember(c *Compiled) member {
	m := member{id: c.w.ID, minConf: c.filter.minConf, types: c.filter.types, anyArticle: c.w.AnyArticle}
	if !c.filter.byType {
		m.filter = &c.filter
	}
	return m
}

// eligible reports whether a statement passes the member's filter.
func (m *member) eligible(s *docStatement) bool {
	if m.filter != nil {
		return m.filter.eligible(s)
	}
	return typeAndConf(m.types, m.minConf, s)
}

// admits reports whether the member may match the document as far as its
// statement filter goes.
func (m *member) admits(d *Document) bool {
	switch {
	case m.anyArticle:
		return true
	case m.filter != nil:
		return m.filter.anyEligible(d)
	}
	return d.maxConfOf(m.types) >= m.minConf
}

// programKey is what watchlists must have in common to share a program:
// the query in canonical form, the keys it is filed under and, when the
// query has statement groups, which the filter enters, the filter.
func programKey(c *Compiled) string {
	var b strings.Builder
	b.WriteString(c.String())
	fmt.Fprintf(&b, "\x00%t %t %q", c.w.AnyArticle, c.anchored, c.anchors)
	if c.hasReq {
		fmt.Fprintf(&b, " %q", c.req)
	}
	if hasStatementGroup(c.root) {
		f := c.filter
		fmt.Fprintf(&b, "\x00%d %q %q %v", f.types, f.actors, f.targets, f.minConf)
	}
	return b.String()
}

func hasStatementGroup(n *node) bool {
	if n == nil {
		return false
	}
	if n.kind == kExists {
		return true
	}
	return slices.ContainsFunc(n.kids, hasStatementGroup)
}

func (p *program) group() int { return groupOf(p.filed) }

// instr is one node of a program in prefix order; the children of a node
// follow it, and end is the index just after its subtree.
type instr struct {
	kind nodeKind
	op   uint8 // how a text leaf is evaluated: opBit, opNode or opWords
	end  uint16
	arg  uint32 // entry id (opBit), index into nodes (opNode, kSpeaker), country code (kActor, kTarget), headline flag (opWords phrase), distance (opWords NEAR) or type index (kType)
}

const (
	opBit   = iota + 1 // the document carries entry arg
	opNode             // evaluate nodes[arg] on the document
	opWords            // a phrase or NEAR over the words that follow (see emitWords)
)

// countryCode packs a country code into a number, so that statement leaves
// compare numbers held in the instruction instead of strings held in the
// program. Queries' codes have two letters; a document's code longer than
// four bytes, which no query names, is 0.
func countryCode(s string) (c uint32) {
	if len(s) > 4 {
		return 0
	}
	for i := range len(s) {
		c |= uint32(s[i]) << (8 * i)
	}
	return c
}

// compileProgram flattens c for index x, creating the dictionary entries its
// leaves need. The caller holds the write lock and keeps p.keys to release.
func (x *Index) compileProgram(c *Compiled) *program {
	p := &program{filed: c}
	if c.root != nil {
		x.emit(p, c.root)
	}
	return p
}

func (x *Index) emit(p *program, n *node) {
	at := len(p.code)
	p.code = append(p.code, instr{})
	in := instr{kind: n.kind}
	switch n.kind {
	case kAnd, kOr, kNot:
		// Bit tests first: an AND usually fails, and an OR usually
		// succeeds, on a word before any phrase has to be looked up.
		kids := slices.Clone(n.kids)
		slices.SortStableFunc(kids, func(a, b *node) int { return leafCost(a) - leafCost(b) })
		for _, k := range kids {
			x.emit(p, k)
		}
	case kExists:
		x.emit(p, n.kids[0])
	case kTerm:
		kind := keyTerm
		if n.title {
			kind = keyTitle
		}
		in.op, in.arg = opBit, x.use(p, key{kind, n.words[0]})
	case kPrefix:
		if n.title {
			in.op, in.arg = opNode, p.addNode(n)
		} else {
			in.op, in.arg = opBit, x.use(p, key{keyPrefix, n.words[0]})
		}
	case kLang:
		in.op, in.arg = opBit, x.use(p, key{keyLang, n.code})
	case kType:
		in.arg = uint32(typeIndex(n.typ))
	case kActor, kTarget:
		in.arg = countryCode(n.code)
	case kPhrase, kNear:
		// Evaluated as an AND of its words' bits and then its positions:
		// the candidate was found through one word, and most of the time
		// another is missing, which a bit test tells without a lookup.
		in.kind = kAnd
		for _, k := range necessaryKeys(n) {
			id := x.use(p, k)
			p.code = append(p.code, instr{kind: kTerm, op: opBit, arg: id, end: uint16(len(p.code) + 1)})
		}
		if !x.emitWords(p, n) {
			p.code = append(p.code, instr{kind: n.kind, op: opNode, arg: p.addNode(n), end: uint16(len(p.code) + 1)})
		}
	case kSource:
		if len(n.words) == 1 {
			in.op, in.arg = opBit, x.use(p, key{keySource, n.words[0]})
		} else {
			in.op, in.arg = opNode, p.addNode(n)
		}
	default: // speaker
		in.op, in.arg = opNode, p.addNode(n)
	}
	in.end = uint16(len(p.code))
	p.code[at] = in
}

// emitWords emits a phrase, or a NEAR of words and phrases, as the entry
// ids of its words: the index learns which document word each of them is
// while it looks up candidates, so their positions are found without a
// string in sight. It reports false for a NEAR with a wildcard, which
// stays a node.
func (x *Index) emitWords(p *program, n *node) bool {
	at := len(p.code)
	switch n.kind {
	case kTerm, kPhrase:
		kind, title := keyTerm, uint32(0)
		if n.title {
			kind, title = keyTitle, 1
		}
		p.code = append(p.code, instr{kind: kPhrase, op: opWords, arg: title})
		for _, w := range n.words {
			p.code = append(p.code, instr{kind: kTerm, op: opBit, arg: x.use(p, key{kind, w}), end: uint16(len(p.code) + 1)})
		}
	case kNear:
		if n.kids[0].kind == kPrefix || n.kids[1].kind == kPrefix {
			return false
		}
		p.code = append(p.code, instr{kind: kNear, op: opWords, arg: uint32(n.n)})
		x.emitWords(p, n.kids[0])
		x.emitWords(p, n.kids[1])
	default:
		return false
	}
	p.code[at].end = uint16(len(p.code))
	return true
}

// use returns the entry id of k, creating the entry, and records that p
// refers to it.
func (x *Index) use(p *program, k key) uint32 {
	e := x.entry(k)
	e.refs++
	p.keys = append(p.keys, k)
	return e.id
}

func (p *program) addNode(n *node) uint32 {
	p.nodes = append(p.nodes, n)
	return uint32(len(p.nodes) - 1)
}

// necessaryKeys lists the keys a document satisfying a phrase or NEAR
// carries: every word of a phrase (in the headline for a headline phrase),
// every word or wildcard of a NEAR operand.
func necessaryKeys(n *node) []key {
	switch n.kind {
	case kTerm, kPhrase:
		kind := keyTerm
		if n.title {
			kind = keyTitle
		}
		ks := make([]key, len(n.words))
		for i, w := range n.words {
			ks[i] = key{kind, w}
		}
		return dedupKeys(ks)
	case kPrefix:
		return []key{{keyPrefix, n.words[0]}}
	case kNear:
		return dedupKeys(append(necessaryKeys(n.kids[0]), necessaryKeys(n.kids[1])...))
	}
	return nil
}

// leafCost orders the children of a boolean node: what a bit test decides
// first, then statements, then what needs the document's positions.
func leafCost(n *node) int {
	switch n.kind {
	case kTerm, kLang:
		return 0
	case kPrefix:
		if n.title {
			return 3
		}
		return 0
	case kType, kActor, kTarget:
		return 1
	case kPhrase, kSource, kSpeaker:
		return 2
	case kNot:
		return leafCost(n.kids[0])
	}
	return 3
}

// match appends to out the members of the slot whose watchlist the
// document satisfies. present holds the entries the document carries and
// words, for the word entries among them, the document's word. The query is
// evaluated at most once, and only if a member's filter lets a statement
// through (or it takes any article).
func (c *slot) match(d *Document, present []uint64, words []int32, out []int64) []int64 {
	r := run{c: c, d: d, present: present, words: words, code: c.code[:c.n]}
	if !c.short {
		r.code = c.p.code
	}
	evaluated, ok := false, false
	for i := -1; i < len(c.more); i++ {
		m := &c.first
		if i >= 0 {
			m = &c.more[i]
		}
		if !m.admits(d) {
			continue
		}
		if !evaluated {
			evaluated, ok = true, len(r.code) == 0 || r.eval(0)
		}
		if !ok {
			break
		}
		out = append(out, m.id)
	}
	return out
}

// run is one evaluation of a slot's program on a document. It reads the
// program itself only for the leaves kept as nodes.
type run struct {
	c       *slot
	code    []instr // the slot's copy of the code, or the program's
	d       *Document
	present []uint64
	words   []int32
}

func (r *run) eval(i int) bool {
	in := r.code[i]
	switch in.kind {
	case kAnd:
		for j := i + 1; j < int(in.end); j = int(r.code[j].end) {
			if !r.eval(j) {
				return false
			}
		}
		return true
	case kOr:
		for j := i + 1; j < int(in.end); j = int(r.code[j].end) {
			if r.eval(j) {
				return true
			}
		}
		return false
	case kNot:
		return !r.eval(i + 1)
	case kExists:
		// Every member's filter is the first's (see programKey).
		for k := range r.d.stmts {
			s := &r.d.stmts[k]
			if r.c.first.eligible(s) && r.evalStatement(i+1, s) {
				return true
			}
		}
		return false
	}
	switch in.op {
	case opBit:
		return hasBit(r.present, in.arg)
	case opWords:
		return r.positional(i)
	case opNode:
		return evalLeaf(r.c.p.nodes[in.arg], r.d)
	}
	return false
}

// positional evaluates a phrase or a NEAR emitted by emitWords.
func (r *run) positional(i int) bool {
	in := r.code[i]
	if in.kind == kPhrase {
		var buf [maxPhrase][]int32
		lists := r.lists(i, &buf)
		found := false
		if lists != nil {
			r.d.phraseIn(lists, in.arg != 0, func(int32) bool { found = true; return false })
		}
		return found
	}
	var bufA, bufB [32]span
	a := r.spans(i+1, bufA[:0])
	if len(a) == 0 {
		return false
	}
	return spansNear(a, r.spans(int(r.code[i+1].end), bufB[:0]), int32(in.arg))
}

// spans appends the occurrences of the phrase at i to dst.
func (r *run) spans(i int, dst []span) []span {
	var lists [maxPhrase][]int32
	if l := r.lists(i, &lists); l != nil {
		return r.d.wordSpans(l, r.code[i].arg != 0, dst)
	}
	return dst
}

// lists returns the positions of the words of the phrase at i, nil when
// one is missing.
func (r *run) lists(i int, buf *[maxPhrase][]int32) [][]int32 {
	n := int(r.code[i].end) - i - 1
	for j := range n {
		e := r.code[i+1+j].arg
		if !hasBit(r.present, e) {
			return nil
		}
		buf[j] = r.d.lists[r.words[e]]
	}
	return buf[:n]
}

func (r *run) evalStatement(i int, s *docStatement) bool {
	in := r.code[i]
	switch in.kind {
	case kAnd:
		for j := i + 1; j < int(in.end); j = int(r.code[j].end) {
			if !r.evalStatement(j, s) {
				return false
			}
		}
		return true
	case kOr:
		for j := i + 1; j < int(in.end); j = int(r.code[j].end) {
			if r.evalStatement(j, s) {
				return true
			}
		}
		return false
	case kNot:
		return !r.evalStatement(i+1, s)
	case kType:
		return in.arg != unknownType && s.typ == uint8(in.arg)
	case kActor:
		return s.actorCode == in.arg
	case kTarget:
		return slices.Contains(s.targetCodes, in.arg)
	case kSpeaker:
		return containsRun(s.speaker, r.c.p.nodes[in.arg].words)
	}
	return false
}
