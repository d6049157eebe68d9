package query

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// Index holds every active watchlist and finds those an article matches
// without evaluating them all. Each watchlist is filed under a few presearch
// keys (words, prefixes, statement types, actors, targets...) chosen so that
// any matching article carries at least one of them; an article looks up the
// keys it carries, and only the watchlists found are evaluated exactly. The
// cost per article thus follows the number of candidates, not of watchlists.
//
// Add, Update and Remove change only the keys of one watchlist. Match holds a
// read lock only while collecting candidates and evaluates outside it, so
// updates never wait for more than one candidate lookup. Safe for concurrent
// use.
type Index struct {
	opt Options

	mu     sync.RWMutex
	byID   map[int64]int32 // watchlist ID -> slot
	slots  []*Compiled     // nil when free
	free   []int32
	post   map[key][]int32     // presearch key -> slots
	heads  map[string][]string // first MinPrefix runes -> prefixes filed under them
	always []int32             // watchlists without anchors

	marks sync.Pool // *[]uint64 bitsets to de-duplicate candidates
}

// NewIndex returns an empty index; opt resolves country names in the
// watchlists added to it.
func NewIndex(opt Options) *Index {
	return &Index{opt: opt, byID: map[int64]int32{}, post: map[key][]int32{}, heads: map[string][]string{}}
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
// same ID.
func (x *Index) AddCompiled(c *Compiled) {
	keys := slices.Clone(c.anchors)
	slices.SortFunc(keys, func(a, b key) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		if a.s < b.s {
			return -1
		}
		if a.s > b.s {
			return 1
		}
		return 0
	})
	keys = slices.Compact(keys)

	x.mu.Lock()
	defer x.mu.Unlock()
	if slot, ok := x.byID[c.w.ID]; ok {
		x.removeSlot(slot)
	}
	var slot int32
	if n := len(x.free); n > 0 {
		slot, x.free = x.free[n-1], x.free[:n-1]
		x.slots[slot] = c
	} else {
		slot = int32(len(x.slots))
		x.slots = append(x.slots, c)
	}
	x.byID[c.w.ID] = slot
	if !c.anchored {
		x.always = append(x.always, slot)
		return
	}
	for _, k := range keys {
		if k.kind == keyPrefix && len(x.post[k]) == 0 {
			h := head(k.s)
			x.heads[h] = append(x.heads[h], k.s)
		}
		x.post[k] = append(x.post[k], slot)
	}
}

// Remove drops a watchlist (deleted or paused). It reports whether it was
// there.
func (x *Index) Remove(id int64) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	slot, ok := x.byID[id]
	if ok {
		x.removeSlot(slot)
	}
	return ok
}

func (x *Index) removeSlot(slot int32) {
	c := x.slots[slot]
	delete(x.byID, c.w.ID)
	x.slots[slot] = nil
	x.free = append(x.free, slot)
	if !c.anchored {
		x.always = dropSlot(x.always, slot)
		return
	}
	for _, k := range c.anchors {
		l, ok := x.post[k]
		if !ok {
			continue // a duplicate key already handled
		}
		if l = dropSlot(l, slot); len(l) > 0 {
			x.post[k] = l
			continue
		}
		delete(x.post, k)
		if k.kind == keyPrefix {
			h := head(k.s)
			if ps := slices.DeleteFunc(x.heads[h], func(p string) bool { return p == k.s }); len(ps) > 0 {
				x.heads[h] = ps
			} else {
				delete(x.heads, h)
			}
		}
	}
}

// dropSlot removes slot from l without keeping order; the order of a posting
// list does not matter.
func dropSlot(l []int32, slot int32) []int32 {
	for i, s := range l {
		if s == slot {
			l[i] = l[len(l)-1]
			return l[:len(l)-1]
		}
	}
	return l
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
	var out []int64
	for _, c := range x.candidates(d) {
		if c.Match(d) {
			out = append(out, c.w.ID)
		}
	}
	slices.Sort(out)
	return out
}

// Explain tells why watchlist id matches the document; ok is false when it
// is not in the index or does not match.
func (x *Index) Explain(id int64, d *Document) (e Explanation, ok bool) {
	x.mu.RLock()
	slot, found := x.byID[id]
	var c *Compiled
	if found {
		c = x.slots[slot]
	}
	x.mu.RUnlock()
	if c == nil {
		return Explanation{}, false
	}
	return c.Explain(d)
}

// candidates returns the watchlists filed under a key the document carries,
// each once. The compiled watchlists are immutable, so they stay valid after
// the lock is released even if the index changes.
func (x *Index) candidates(d *Document) []*Compiled {
	x.mu.RLock()
	defer x.mu.RUnlock()

	words := (len(x.slots) + 63) / 64
	mp, _ := x.marks.Get().(*[]uint64)
	if mp == nil {
		mp = new([]uint64)
	}
	if cap(*mp) < words {
		*mp = make([]uint64, words)
	}
	marks := (*mp)[:words]
	var out []*Compiled
	add := func(l []int32) {
		for _, s := range l {
			if marks[s>>6]&(1<<(s&63)) == 0 {
				marks[s>>6] |= 1 << (s & 63)
				out = append(out, x.slots[s])
			}
		}
	}
	add(x.always)
	hasPrefixes := len(x.heads) > 0
	for _, w := range d.vocab {
		if l, ok := x.post[key{keyTerm, w}]; ok {
			add(l)
		}
		if !hasPrefixes || utf8.RuneCountInString(w) < MinPrefix {
			continue
		}
		for _, p := range x.heads[head(w)] {
			if len(p) <= len(w) && w[:len(p)] == p {
				add(x.post[key{keyPrefix, p}])
			}
		}
	}
	for _, w := range d.source {
		add(x.post[key{keySource, w}])
	}
	if d.lang != "" {
		add(x.post[key{keyLang, d.lang}])
	}
	if len(d.stmts) > 0 {
		add(x.post[key{keyAnyStatement, ""}])
	}
	for i := range d.stmts {
		s := &d.stmts[i]
		if s.typ != unknownType {
			add(x.post[key{keyType, string(statementTypeName(s.typ))}])
		}
		if s.actor != "" {
			add(x.post[key{keyActor, s.actor}])
		}
		for _, t := range s.targets {
			add(x.post[key{keyTarget, t}])
		}
		for _, w := range s.speaker {
			add(x.post[key{keySpeaker, w}])
		}
	}
	for _, c := range out {
		s := x.byID[c.w.ID]
		marks[s>>6] &^= 1 << (s & 63)
	}
	x.marks.Put(mp)
	return out
}
