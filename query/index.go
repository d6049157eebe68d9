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
	slots  []slot              // programs and their members, by slot
	free   []int32             // free slots
	dict   dictionary          // every key's entry
	heads  map[string][]string // first MinPrefix runes -> prefixes with an entry
	// headBits holds the first three bytes of every head, so that most
	// document words skip the heads lookup; wordBits and titleBits hold
	// the signature of every word and headline key.
	headBits, wordBits, titleBits keyFilter
	always                        [2][]int32 // per group, programs without any necessary key
	nextID                        uint32
	freeIDs                       []uint32

	scratch sync.Pool // *scratch, per-Match working memory
}

// slot is a program's place in the index, with what evaluating most
// candidates reads: the program's code when it is short, and the members.
// A busy article evaluates hundreds of candidates, each in memory the
// previous article's work has evicted; with the code and first member in
// the slot, a candidate costs one fetch of 128 adjacent bytes, not one per
// pointer. Candidates copy their slot under the read lock, so a slot is
// changed in place under the write lock, and its more list is replaced,
// never changed.
type slot struct {
	p     *program // nil when the slot is free
	more  []member // the members after the first
	first member
	code  [slotCode]instr
	n     uint8 // len(p.code) when short
	short bool  // code holds the program's code
}

// slotCode is how many instructions a slot holds: most analysts'
// watchlists need fewer, and more would not fit 128 bytes.
const slotCode = 7

// members returns a fresh slice of the members of a slot in use.
func (s *slot) members() []member {
	return append([]member{s.first}, s.more...)
}

// setMembers replaces the members; ms must not be shared.
func (s *slot) setMembers(ms []member) {
	s.first, s.more = ms[0], nil
	if len(ms) > 1 {
		s.more = ms[1:]
	}
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
	k     key
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
	x := &Index{opt: opt, byID: map[int64]watched{}, shared: map[string]*program{}, heads: map[string][]string{}, dict: newDictionary()}
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
	m := newMember(c)
	if p := x.shared[k]; p != nil {
		// Members are copied on write: a Match that took the old list
		// under the read lock goes on reading it unchanged.
		s := &x.slots[p.slot]
		s.setMembers(append(s.members(), m))
		x.byID[c.w.ID] = watched{c, p}
		return
	}
	p := x.file(c, k)
	x.slots[p.slot].first = m
	x.byID[c.w.ID] = watched{c, p}
}

// file creates the program of c, gives it a slot and files it under its
// keys.
func (x *Index) file(c *Compiled, k string) *program {
	p := x.compileProgram(c)
	p.key = k
	if n := len(x.free); n > 0 {
		p.slot, x.free = x.free[n-1], x.free[:n-1]
	} else {
		p.slot = int32(len(x.slots))
		x.slots = append(x.slots, slot{})
	}
	s := slot{p: p, short: len(p.code) <= slotCode}
	if s.short {
		s.n = uint8(copy(s.code[:], p.code))
	}
	x.slots[p.slot] = s
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
	if e := g.dict.get(k); e != nil {
		return e
	}
	e := &entry{k: k}
	if n := len(g.freeIDs); n > 0 {
		e.id, g.freeIDs = g.freeIDs[n-1], g.freeIDs[:n-1]
	} else {
		g.nextID++
		e.id = g.nextID
	}
	g.dict.insert(e)
	if k.kind == keyPrefix {
		h := head(k.s)
		g.heads[h] = append(g.heads[h], k.s)
	}
	if f := g.filterOf(k.kind); f != nil && f.add(filterHash(k)) {
		g.refill(k.kind)
	}
	return e
}

// filterOf returns the filter of a key kind, nil for kinds looked up
// directly.
func (g *Index) filterOf(kind keyKind) *keyFilter {
	switch kind {
	case keyTerm:
		return &g.wordBits
	case keyTitle:
		return &g.titleBits
	case keyPrefix:
		return &g.headBits
	}
	return nil
}

// filterHash is what a filter holds for a key: a wildcard is held by its
// head, which a document word is checked against.
func filterHash(k key) uint32 {
	if k.kind == keyPrefix {
		return headHash(head(k.s))
	}
	return wordSig(k.s)
}

// refill resizes the filter of a kind for the keys it holds, and adds them.
func (g *Index) refill(kind keyKind) {
	f := g.filterOf(kind)
	f.reset(g.dict.count(kind))
	g.dict.each(kind, func(e *entry) { f.add(filterHash(e.k)) })
}

// release drops the entry of k once nothing uses it.
func (g *Index) release(k key, e *entry) {
	if len(e.lists[0]) > 0 || len(e.lists[1]) > 0 || e.refs > 0 {
		return
	}
	g.dict.remove(e)
	g.freeIDs = append(g.freeIDs, e.id)
	if k.kind == keyPrefix {
		h := head(k.s)
		if ps := slices.DeleteFunc(g.heads[h], func(p string) bool { return p == k.s }); len(ps) > 0 {
			g.heads[h] = ps
		} else {
			delete(g.heads, h)
			// Bits are shared between heads; refilling is cheap next to
			// how rarely a wildcard disappears.
			g.refill(keyPrefix)
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
	s := &x.slots[p.slot]
	ms := slices.DeleteFunc(s.members(), func(m member) bool { return m.id == id })
	if len(ms) > 0 {
		s.setMembers(ms)
		return
	}
	*s = slot{}
	delete(x.shared, p.key)
	x.free = append(x.free, p.slot)
	for _, k := range p.keys {
		e := x.dict.get(k)
		e.refs--
		x.release(k, e)
	}
	c, g := p.filed, p.group()
	if !c.anchored {
		x.always[g] = dropSlot(x.always[g], p.slot)
		return
	}
	for _, k := range c.anchors {
		e := x.dict.get(k)
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
		e := x.dict.get(c.req)
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

// headHash hashes the first three bytes of a word or head for headBits.
// Every head has at least three bytes, and a word starting with a prefix
// starts with its head's bytes.
func headHash(s string) uint32 {
	h := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	return h * 2654435761
}

// wordSig hashes a word for wordBits from its length and four of its
// bytes: cheap enough for every word of every article, and varied enough
// that few words share a key's bit.
func wordSig(s string) uint32 {
	n := len(s)
	h := uint32(n)*0x9E3779B1 ^ uint32(s[0])<<24 ^ uint32(s[n-1])<<16 ^ uint32(s[n/2])<<8 ^ uint32(s[(n-1)/3])
	return h * 2654435761
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
	for i := range s.cands {
		out = s.cands[i].match(d, s.present, s.words, out)
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
	words   []int32  // per entry id among them, of a word or headline word key, the document's word id
	ids     []uint32 // the bits set in present
	lists   [][]posting
	probes  []probe
	cands   []slot // copies of the candidates' slots, taken under the read lock
	// sink keeps the loads that fetch candidates ahead from being
	// compiled away.
	sink uint8
}

// probe is a key the document carries, looked up in the dictionary.
type probe struct {
	k    key
	word int32 // the document's word, for word and headline keys
	h    uint64
	e    *entry // the entry hashed to h, if any
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
	s.marks = grow(s.marks, len(x.slots))
	s.present = grow(s.present, int(x.nextID))
	if n := int(x.nextID) + 1; len(s.words) < n {
		s.words = make([]int32, n)
	}
	for g := range groups {
		for _, slot := range x.always[g] {
			setBit(s.marks, uint32(slot))
		}
	}
	// First learn every key the document carries, then take the postings
	// whose second key is among them.
	x.lookup(d, s, groups)
	for _, l := range s.lists {
		for _, p := range l {
			if p.req == 0 || hasBit(s.present, p.req) {
				setBit(s.marks, uint32(p.slot))
			}
		}
	}
	// The slots are far apart and cold. Reading both lines of each, in a
	// loop whose loads depend on nothing, has the memory fetch them all at
	// once; the copies below then find them in cache.
	var sink uint8
	for i, w := range s.marks {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			w &= w - 1
			sl := &x.slots[i*64+b]
			sink += sl.first.types + sl.n
		}
	}
	// Candidates are read off the marks, in slot order, which clears them
	// on the way and needs no list of the slots taken.
	for i, w := range s.marks {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			w &= w - 1
			s.cands = append(s.cands, x.slots[i*64+b])
		}
		s.marks[i] = 0
	}
	clear(s.lists)
	s.lists = s.lists[:0]
	// Likewise for what evaluating them reads beyond the slot: the other
	// members and a long program's code.
	for i := range s.cands {
		c := &s.cands[i]
		if len(c.more) > 0 {
			sink += c.more[0].types + c.more[len(c.more)-1].types
		}
		if !c.short {
			sink += uint8(len(c.p.code))
		}
	}
	s.sink += sink
	return s
}

// lookup finds the entries of the keys the document carries, marks them
// present and collects their posting lists of the groups it may match.
// Each step reads what the one before found, for all keys at once: where
// each key's entry may be, the entries and their keys, their posting lists.
func (x *Index) lookup(d *Document, s *scratch, groups int) {
	x.visit(d, func(k key, word int32) {
		s.probes = append(s.probes, probe{k: k, word: word, h: x.dict.hash(k)})
	})
	slots, m := x.dict.slots, x.dict.mask()
	var ahead uint64
	for i := range s.probes {
		ahead += slots[s.probes[i].h&m].h
	}
	for i := range s.probes {
		p := &s.probes[i]
		if p.e = x.dict.guess(p.h); p.e != nil && len(p.e.k.s) > 0 {
			ahead += uint64(p.e.k.s[0])
		}
	}
	for i := range s.probes {
		p := &s.probes[i]
		e := p.e
		if e != nil && e.k != p.k {
			e = x.dict.find(p.h, p.k)
		}
		if e == nil {
			continue
		}
		setBit(s.present, e.id)
		s.ids = append(s.ids, e.id)
		s.words[e.id] = p.word
		for g := range groups {
			if l := e.lists[g]; len(l) > 0 {
				s.lists = append(s.lists, l)
				ahead += uint64(l[0].req)
			}
		}
	}
	s.sink += uint8(ahead)
	clear(s.probes)
	s.probes = s.probes[:0]
}

// visit calls f with every key the document carries that the index might
// have, and for a word or headline word key the word's id (else -1).
// Prefix keys are found through their heads, so a document word costs one
// lookup whatever the number of wildcards.
func (x *Index) visit(d *Document, f func(k key, word int32)) {
	hasPrefixes := len(x.heads) > 0
	for id, w := range d.vocab {
		sig := wordSig(w)
		if x.wordBits.has(sig) {
			f(key{keyTerm, w}, int32(id))
		}
		if x.titleBits.has(sig) && d.inTitle(int32(id)) {
			f(key{keyTitle, w}, int32(id))
		}
		if !hasPrefixes || len(w) < MinPrefix || !x.headBits.has(headHash(w)) {
			continue
		}
		for _, p := range x.heads[head(w)] {
			if len(p) <= len(w) && w[:len(p)] == p {
				f(key{keyPrefix, p}, -1)
			}
		}
	}
	for _, w := range d.source {
		f(key{keySource, w}, -1)
	}
	if d.lang != "" {
		f(key{keyLang, d.lang}, -1)
	}
	if len(d.stmts) > 0 {
		f(key{keyAnyStatement, ""}, -1)
	}
	for i := range d.stmts {
		s := &d.stmts[i]
		if s.typ != unknownType {
			f(key{keyType, statementTypeName(s.typ)}, -1)
		}
		if s.actor != "" {
			f(key{keyActor, s.actor}, -1)
		}
		for _, t := range s.targets {
			f(key{keyTarget, t}, -1)
		}
		for _, w := range s.speaker {
			f(key{keySpeaker, w}, -1)
		}
	}
}
