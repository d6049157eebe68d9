package query

import (
	"math/bits"
	"slices"
	"sync"
)

// Index holds every active watchlist and finds those an article matches
// without evaluating them all. Each watchlist is filed under a few presearch
// keys (words, prefixes, statement types, actors, targets...) chosen so that
// any matching article carries at least one of them, and may name a second
// key the article must also carry. An article looks up the keys it carries;
// only the watchlists found, whose second key is present too, are evaluated
// exactly, as programs (see program) in which a word the article carries
// is a bit the lookup already set. The cost per article thus follows the
// number of candidates, not of watchlists.
//
// Add, Update and Remove change only the keys of one watchlist. Match holds a
// read lock only while collecting candidates and evaluates outside it, so
// updates wait for one candidate lookup at most. Safe for concurrent use.
type Index struct {
	opt Options

	mu     sync.RWMutex
	byID   map[int64]watched   // every watchlist, by ID
	shared map[string]*program // programs by programKey
	progs  []*program          // per slot, nil when free
	// members holds, per slot, the watchlists sharing the program. Kept
	// apart from the programs, densely, so that a candidate whose members
	// all refuse the document's statements never touches its program.
	members [][]member
	free    []int32
	post    [numKeyKinds]map[string]*entry // a map per kind: string keys hash faster than structs
	heads   map[string][]string            // first MinPrefix runes -> prefixes with an entry
	// headBits has a bit set for the first three bytes of every head, so
	// that most document words skip the heads lookup.
	headBits [1 << 10]uint64
	// wordBits and titleBits have a bit set for the signature of every
	// word and headline key. Most words of an article are keys of no
	// watchlist, and a bit test in 8 KB that stays in cache costs far less
	// than a map lookup. Bits are never cleared: a stale bit costs one
	// lookup, not a wrong answer.
	wordBits, titleBits [1 << 10]uint64
	always              [2][]int32 // per group, programs without any necessary key
	nextID              uint32
	freeIDs             []uint32

	scratch sync.Pool // *scratch, per-Match working memory
}

// watched is one watchlist in the index and the program it shares.
type watched struct {
	c *Compiled
	p *program
}

// Watchlists are filed in two groups: those that need a statement (the
// default) and those that do not (AnyArticle). Most articles carry no
// statement at all, and for them the first group is skipped outright.
const (
	groupAny       = 0 // AnyArticle watchlists: any document may match
	groupStatement = 1 // the rest: only documents with a statement may match
)

func groupOf(c *Compiled) int {
	if c.w.AnyArticle {
		return groupAny
	}
	return groupStatement
}

// entry is what the dictionary knows about one key: the watchlists filed
// under it, and how many use it as their second key or in a program leaf.
type entry struct {
	id    uint32       // dense, from 1, for the per-match presence bitset
	lists [2][]posting // per group
	refs  int32
}

// posting is one program filed under a key, with the id of the second key
// it needs (0 for none). Checking that id costs a bit test, where evaluating
// the watchlist would cost a walk through memory far away.
type posting struct {
	slot int32
	req  uint32
}

// NewIndex returns an empty index; opt resolves country names in the
// watchlists added to it.
func NewIndex(opt Options) *Index {
	x := &Index{opt: opt, byID: map[int64]watched{}, shared: map[string]*program{}, heads: map[string][]string{}}
	for i := range x.post {
		x.post[i] = map[string]*entry{}
	}
	return x
}

// Add compiles a watchlist and files it, replacing any watchlist with the
// same ID. On error the index is unchanged.
func (x *Index) Add(w Watchlist) error {
	c, err := Compile(w, x.opt)
	if err != nil {
		return err
	}
	x.AddCompiled(c)
	return nil
}

// Update is Add: watchlists are replaced by ID.
func (x *Index) Update(w Watchlist) error { return x.Add(w) }

// AddCompiled files an already compiled watchlist, replacing any with the
// same ID. A watchlist whose query and filing are those of one already in
// the index joins its program, and costs a member, not a program.
func (x *Index) AddCompiled(c *Compiled) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if w, ok := x.byID[c.w.ID]; ok {
		x.drop(c.w.ID, w.p)
	}
	k := programKey(c)
	p := x.shared[k]
	if p == nil {
		p = x.file(c, k)
	}
	// Members are copied on write: a Match that took the old slice under
	// the read lock goes on reading it unchanged.
	x.members[p.slot] = append(slices.Clip(x.members[p.slot]), member{c.w.ID, c.w.AnyArticle, c.filter})
	x.byID[c.w.ID] = watched{c, p}
}

// file creates the program of c, gives it a slot and files it under its
// keys.
func (x *Index) file(c *Compiled, k string) *program {
	p := x.compileProgram(c)
	p.key = k
	if n := len(x.free); n > 0 {
		p.slot, x.free = x.free[n-1], x.free[:n-1]
		x.progs[p.slot] = p
	} else {
		p.slot = int32(len(x.progs))
		x.progs, x.members = append(x.progs, p), append(x.members, nil)
	}
	x.shared[k] = p
	g := p.group()
	if !c.anchored {
		x.always[g] = append(x.always[g], p.slot)
		return p
	}
	var req uint32
	if c.hasReq {
		e := x.entry(c.req)
		e.refs++
		req = e.id
	}
	for _, k := range c.anchors {
		e := x.entry(k)
		e.lists[g] = append(e.lists[g], posting{p.slot, req})
	}
	return p
}

// entry returns the entry of k, creating it.
func (g *Index) entry(k key) *entry {
	if e, ok := g.post[k.kind][k.s]; ok {
		return e
	}
	e := &entry{}
	if n := len(g.freeIDs); n > 0 {
		e.id, g.freeIDs = g.freeIDs[n-1], g.freeIDs[:n-1]
	} else {
		g.nextID++
		e.id = g.nextID
	}
	g.post[k.kind][k.s] = e
	switch k.kind {
	case keyPrefix:
		h := head(k.s)
		g.heads[h] = append(g.heads[h], k.s)
		setBit(g.headBits[:], headHash(h))
	case keyTerm:
		setBit(g.wordBits[:], wordSig(k.s))
	case keyTitle:
		setBit(g.titleBits[:], wordSig(k.s))
	}
	return e
}

// release drops the entry of k once nothing uses it.
func (g *Index) release(k key, e *entry) {
	if len(e.lists[0]) > 0 || len(e.lists[1]) > 0 || e.refs > 0 {
		return
	}
	delete(g.post[k.kind], k.s)
	g.freeIDs = append(g.freeIDs, e.id)
	if k.kind == keyPrefix {
		h := head(k.s)
		if ps := slices.DeleteFunc(g.heads[h], func(p string) bool { return p == k.s }); len(ps) > 0 {
			g.heads[h] = ps
		} else {
			delete(g.heads, h)
			// Bits are shared between heads; rebuilding is cheap next to
			// how rarely a wildcard disappears.
			clear(g.headBits[:])
			for h := range g.heads {
				setBit(g.headBits[:], headHash(h))
			}
		}
	}
}

// Remove drops a watchlist (deleted or paused). It reports whether it was
// there.
func (x *Index) Remove(id int64) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	w, ok := x.byID[id]
	if ok {
		x.drop(id, w.p)
	}
	return ok
}

// drop removes watchlist id from program p, and p from the index when it was
// its last member.
func (x *Index) drop(id int64, p *program) {
	delete(x.byID, id)
	ms := slices.DeleteFunc(slices.Clone(x.members[p.slot]), func(m member) bool { return m.id == id })
	if len(ms) > 0 {
		x.members[p.slot] = ms
		return
	}
	x.members[p.slot] = nil
	delete(x.shared, p.key)
	x.progs[p.slot] = nil
	x.free = append(x.free, p.slot)
	for _, k := range p.keys {
		e := x.post[k.kind][k.s]
		e.refs--
		x.release(k, e)
	}
	c, g := p.filed, p.group()
	if !c.anchored {
		x.always[g] = dropSlot(x.always[g], p.slot)
		return
	}
	for _, k := range c.anchors {
		e := x.post[k.kind][k.s]
		l := e.lists[g]
		for i, q := range l {
			if q.slot == p.slot {
				// Order in a posting list does not matter.
				l[i] = l[len(l)-1]
				e.lists[g] = l[:len(l)-1]
				break
			}
		}
		x.release(k, e)
	}
	if c.hasReq {
		e := x.post[c.req.kind][c.req.s]
		e.refs--
		x.release(c.req, e)
	}
}

func dropSlot(l []int32, slot int32) []int32 {
	for i, s := range l {
		if s == slot {
			l[i] = l[len(l)-1]
			return l[:len(l)-1]
		}
	}
	return l
}

// headHash hashes the first three bytes of a word or head into headBits.
// Every head has at least three bytes, and a word starting with a prefix
// starts with its head's bytes.
func headHash(s string) uint32 {
	h := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	return (h * 2654435761) >> 16
}

// wordSig hashes a word into wordBits from its length and its first and
// last bytes: cheap enough for every word of every article, and varied
// enough that few words share a key's bit.
func wordSig(s string) uint32 {
	n := len(s)
	h := uint32(n)*0x9E3779B1 ^ uint32(s[0])<<24 ^ uint32(s[n-1])<<16 ^ uint32(s[n/2])<<8 ^ uint32(s[(n-1)/3])
	return (h * 2654435761) >> 16
}

// head is the part of a prefix the index files it under: its first MinPrefix
// runes, which every wildcard has.
func head(s string) string {
	n := 0
	for i := range s {
		if n == MinPrefix {
			return s[:i]
		}
		n++
	}
	return s
}

// Len reports how many watchlists the index holds.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.byID)
}

// Match returns the IDs of the watchlists the document satisfies, in
// increasing order.
func (x *Index) Match(d *Document) []int64 {
	s := x.candidates(d)
	var out []int64
	if len(s.cands) > 0 {
		out = make([]int64, 0, 2*len(s.cands))
	}
	for _, cd := range s.cands {
		out = cd.p.match(d, s.present, cd.members, out)
	}
	x.done(s)
	slices.Sort(out)
	return out
}

// Explain tells why watchlist id matches the document; ok is false when it
// is not in the index or does not match.
func (x *Index) Explain(id int64, d *Document) (e Explanation, ok bool) {
	x.mu.RLock()
	w, found := x.byID[id]
	x.mu.RUnlock()
	if !found {
		return Explanation{}, false
	}
	return w.c.Explain(d)
}

// scratch is the working memory of one match, pooled because a fresh one
// per article would be most of its allocations.
type scratch struct {
	marks   []uint64 // candidate slots already taken
	present []uint64 // entry ids the document carries
	ids     []uint32 // the bits set in present
	lists   [][]posting
	cands   []candidate
}

// candidate is a program to evaluate and its members as they were when it
// was taken, under the read lock.
type candidate struct {
	p       *program
	members []member
}

// done clears a scratch and returns it to the pool.
func (x *Index) done(s *scratch) {
	for _, id := range s.ids {
		clearBit(s.present, id)
	}
	clear(s.cands) // let replaced watchlists be collected
	s.ids, s.cands = s.ids[:0], s.cands[:0]
	x.scratch.Put(s)
}

func setBit(b []uint64, i uint32)      { b[i>>6] |= 1 << (i & 63) }
func hasBit(b []uint64, i uint32) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func clearBit(b []uint64, i uint32)    { b[i>>6] &^= 1 << (i & 63) }

func grow(b []uint64, bits int) []uint64 {
	if n := (bits + 64) / 64; len(b) < n {
		return make([]uint64, n)
	}
	return b
}

// candidates collects, in a scratch the caller hands to done, the
// programs worth evaluating, each once, and the entries the document
// carries. Programs are immutable and the presence bits are a snapshot taken
// under the same lock, so both stay consistent after the lock is released
// even if the index changes.
func (x *Index) candidates(d *Document) *scratch {
	s, _ := x.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	groups := 1
	if len(d.stmts) > 0 {
		groups = 2
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	s.marks = grow(s.marks, len(x.progs))
	s.present = grow(s.present, int(x.nextID))
	for g := range groups {
		for _, slot := range x.always[g] {
			setBit(s.marks, uint32(slot))
		}
	}
	// First learn every key the document carries, then take the postings
	// whose second key is among them.
	x.visit(d, func(k key) {
		if e, ok := x.post[k.kind][k.s]; ok {
			setBit(s.present, e.id)
			s.ids = append(s.ids, e.id)
			for g := range groups {
				if len(e.lists[g]) > 0 {
					s.lists = append(s.lists, e.lists[g])
				}
			}
		}
	})
	for _, l := range s.lists {
		for _, p := range l {
			if p.req == 0 || hasBit(s.present, p.req) {
				setBit(s.marks, uint32(p.slot))
			}
		}
	}
	// Candidates are read off the marks, in slot order, which clears them
	// on the way and needs no list of the slots taken.
	for i, w := range s.marks {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			w &= w - 1
			slot := i*64 + b
			s.cands = append(s.cands, candidate{x.progs[slot], x.members[slot]})
		}
		s.marks[i] = 0
	}
	clear(s.lists)
	s.lists = s.lists[:0]
	return s
}

// visit calls f with every key the document carries that the index might
// have. Prefix keys are found through their heads, so a document word costs
// one lookup whatever the number of wildcards.
func (x *Index) visit(d *Document, f func(key)) {
	hasPrefixes := len(x.heads) > 0
	for id, w := range d.vocab {
		sig := wordSig(w)
		if hasBit(x.wordBits[:], sig) {
			f(key{keyTerm, w})
		}
		if hasBit(x.titleBits[:], sig) && d.inTitle(int32(id)) {
			f(key{keyTitle, w})
		}
		if !hasPrefixes || len(w) < MinPrefix || !hasBit(x.headBits[:], headHash(w)) {
			continue
		}
		for _, p := range x.heads[head(w)] {
			if len(p) <= len(w) && w[:len(p)] == p {
				f(key{keyPrefix, p})
			}
		}
	}
	for _, w := range d.source {
		f(key{keySource, w})
	}
	if d.lang != "" {
		f(key{keyLang, d.lang})
	}
	if len(d.stmts) > 0 {
		f(key{keyAnyStatement, ""})
	}
	for i := range d.stmts {
		s := &d.stmts[i]
		if s.typ != unknownType {
			f(key{keyType, statementTypeName(s.typ)})
		}
		if s.actor != "" {
			f(key{keyActor, s.actor})
		}
		for _, t := range s.targets {
			f(key{keyTarget, t})
		}
		for _, w := range s.speaker {
			f(key{keySpeaker, w})
		}
	}
}
