package query

import (
	"fmt"
	"slices"
	"strings"
)

// program is a query as the index evaluates it: the lowered query
// flattened into a few bytes per node, its words replaced by the ids of
// dictionary entries. The index learns which entries a document carries
// while it looks up candidates, so most leaves cost a bit test instead of a
// string lookup in the document, and a candidate is read from one small
// block of memory instead of a walk through its Compiled tree. Only
// phrases, NEAR, sources, speakers and headline wildcards, which need
// positions or strings, are evaluated on the document from their nodes.
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
	// What an evaluation reads comes first, together: the code, inline
	// when short, and the statement filter its statement groups apply,
	// every member's (see programKey), held by value so that evaluating
	// does not touch a Compiled.
	code   []instr
	inline [inlineCode]instr
	filter stmtFilter

	nodes []*node  // leaves evaluated on the document
	codes []string // actor and target codes
	keys  []key    // dictionary entries referenced, released on removal

	key   string    // in Index.shared
	slot  int32     // in Index.progs and the postings
	filed *Compiled // the first member: its anchors are every member's
}

// member is one watchlist sharing a program.
type member struct {
	id         int64
	anyArticle bool
	filter     stmtFilter
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

// inlineCode is how many instructions a program holds without a second
// allocation; most analysts' watchlists need fewer.
const inlineCode = 8

// instr is one node of a program in prefix order; the children of a node
// follow it, and end is the index just after its subtree.
type instr struct {
	kind nodeKind
	op   uint8 // how a text leaf is evaluated: opBit or opNode
	end  uint16
	arg  uint32 // entry id (opBit), index into nodes (opNode, kSpeaker) or codes (kActor, kTarget), or type index (kType)
}

const (
	opBit  = iota + 1 // the document carries entry arg
	opNode            // evaluate nodes[arg] on the document
)

// compileProgram flattens c for index x, creating the dictionary entries its
// leaves need. The caller holds the write lock and keeps p.keys to release.
func (x *Index) compileProgram(c *Compiled) *program {
	p := &program{filter: c.filter, filed: c}
	p.code = p.inline[:0]
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
		in.arg = uint32(len(p.codes))
		p.codes = append(p.codes, n.code)
	case kPhrase, kNear:
		// Evaluated as an AND of its words' bits and then its positions:
		// the candidate was found through one word, and most of the time
		// another is missing, which a bit test tells without a lookup.
		in.kind = kAnd
		for _, k := range necessaryKeys(n) {
			id := x.use(p, k)
			p.code = append(p.code, instr{kind: kTerm, op: opBit, arg: id, end: uint16(len(p.code) + 1)})
		}
		p.code = append(p.code, instr{kind: n.kind, op: opNode, arg: p.addNode(n), end: uint16(len(p.code) + 1)})
	default: // source, speaker
		in.op, in.arg = opNode, p.addNode(n)
	}
	in.end = uint16(len(p.code))
	p.code[at] = in
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

// match appends to out the members whose watchlist the document
// satisfies; present holds the entries the document carries. The query is
// evaluated at most once, and only if a member's filter lets a statement
// through (or it takes any article).
func (p *program) match(d *Document, present []uint64, members []member, out []int64) []int64 {
	evaluated, ok := false, false
	for i := range members {
		m := &members[i]
		if !m.anyArticle && !m.filter.anyEligible(d) {
			continue
		}
		if !evaluated {
			evaluated, ok = true, len(p.code) == 0 || p.eval(0, d, present)
		}
		if !ok {
			break
		}
		out = append(out, m.id)
	}
	return out
}

func (p *program) eval(i int, d *Document, present []uint64) bool {
	in := p.code[i]
	switch in.kind {
	case kAnd:
		for j := i + 1; j < int(in.end); j = int(p.code[j].end) {
			if !p.eval(j, d, present) {
				return false
			}
		}
		return true
	case kOr:
		for j := i + 1; j < int(in.end); j = int(p.code[j].end) {
			if p.eval(j, d, present) {
				return true
			}
		}
		return false
	case kNot:
		return !p.eval(i+1, d, present)
	case kExists:
		for k := range d.stmts {
			s := &d.stmts[k]
			if p.filter.eligible(s) && p.evalStatement(i+1, s) {
				return true
			}
		}
		return false
	}
	switch in.op {
	case opBit:
		return hasBit(present, in.arg)
	case opNode:
		return evalLeaf(p.nodes[in.arg], d)
	}
	return false
}

func (p *program) evalStatement(i int, s *docStatement) bool {
	in := p.code[i]
	switch in.kind {
	case kAnd:
		for j := i + 1; j < int(in.end); j = int(p.code[j].end) {
			if !p.evalStatement(j, s) {
				return false
			}
		}
		return true
	case kOr:
		for j := i + 1; j < int(in.end); j = int(p.code[j].end) {
			if p.evalStatement(j, s) {
				return true
			}
		}
		return false
	case kNot:
		return !p.evalStatement(i+1, s)
	case kType:
		return in.arg != unknownType && s.typ == uint8(in.arg)
	case kActor:
		return s.actor == p.codes[in.arg]
	case kTarget:
		return slices.Contains(s.targets, p.codes[in.arg])
	case kSpeaker:
		return containsRun(s.speaker, p.nodes[in.arg].words)
	}
	return false
}
