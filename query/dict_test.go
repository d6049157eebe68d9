package query

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestDictionary inserts and removes entries at random and checks every
// lookup against a map: with many keys, so that the table grows, and with
// few, so that it stays small, runs of neighbours wrap around its end and
// removal has to shift them back across it.
func TestDictionary(t *testing.T) {
	for _, pool := range []int{1500, 30, 20, 12} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("keys=%d/seed=%d", pool, seed), func(t *testing.T) { probeRandomly(t, pool, seed) })
		}
	}
}

func probeRandomly(t *testing.T, pool int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, uint64(pool)))
	tab := newDictionary()
	live := map[key]*entry{}
	seen := map[key]bool{}
	var keys []key
	for i := range 20000 {
		k := key{keyTerm, fmt.Sprint("w", r.IntN(pool))}
		if pool > 100 {
			k.kind = keyKind(r.IntN(int(numKeyKinds)))
		}
		if e, ok := live[k]; ok && i%3 != 0 {
			tab.remove(e)
			delete(live, k)
		} else if !ok {
			e := &entry{k: k}
			tab.insert(e)
			live[k] = e
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		if i%(1+pool/20) != 0 {
			continue
		}
		if tab.n != len(live) {
			t.Fatalf("step %d: table holds %d, want %d", i, tab.n, len(live))
		}
		for _, k := range keys {
			h := tab.hash(k)
			got, want := tab.find(h, k), live[k]
			if got != want {
				t.Fatalf("step %d: find(%v) = %v, want %v", i, k, got, want)
			}
			if want != nil && tab.guess(h) != want {
				t.Fatalf("step %d: guess(%v) is another entry", i, k)
			}
		}
	}
}

// TestDictionarySharedHash puts two keys under one hash, as a collision
// would: guess returns the first, find tells them apart, and the match path
// (TestAgreement) relies on find when the guess is wrong.
func TestDictionarySharedHash(t *testing.T) {
	tab := newDictionary()
	a, b := &entry{k: key{keyTerm, "a"}}, &entry{k: key{keyTerm, "b"}}
	const h = 12345
	tab.place(probeSlot{h, a})
	tab.place(probeSlot{h, b})
	if tab.guess(h) != a || tab.find(h, b.k) != b || tab.find(h, a.k) != a || tab.find(h, key{keyTerm, "c"}) != nil {
		t.Fatal("entries sharing a hash are not told apart")
	}
}

// TestDictionaryWrappedRun removes from a run that wraps around the end of
// the table: an entry past the end whose home lies before the end, after
// the removed slot, must stay where it is, and one whose home is the
// removed slot's must move back into it.
func TestDictionaryWrappedRun(t *testing.T) {
	tab := newDictionary()
	last := uint64(len(tab.slots) - 1)
	a, b, c, d := &entry{k: key{keyTerm, "a"}}, &entry{k: key{keyTerm, "b"}}, &entry{k: key{keyTerm, "c"}}, &entry{k: key{keyTerm, "d"}}
	tab.place(probeSlot{last - 2, a})                            // at last-2, its home
	tab.place(probeSlot{last - 1, b})                            // at last-1, its home
	tab.place(probeSlot{last - 1, c})                            // at last, one past its home
	tab.place(probeSlot{last, d})                                // wrapped to 0, one past its home
	tab.place(probeSlot{last - 2, &entry{k: key{keyTerm, "e"}}}) // wrapped to 1, its home last-2
	tab.clearSlot(last - 2)                                      // a leaves
	for _, x := range []struct {
		e *entry
		h uint64
	}{{b, last - 1}, {c, last - 1}, {d, last}} {
		if tab.find(x.h, x.e.k) != x.e {
			t.Fatalf("%q lost after a removal in a wrapped run", x.e.k.s)
		}
	}
	if got := tab.find(last-2, key{keyTerm, "e"}); got == nil || tab.slots[last-2].e != got {
		t.Fatalf("the entry homed at the removed slot did not move back into it")
	}
	if tab.find(last-2, a.k) != nil || tab.n != 4 {
		t.Fatalf("removed entry still found, or %d entries left", tab.n)
	}

	// An entry past the end that is at its home stays there.
	tab = newDictionary()
	x, z := &entry{k: key{keyTerm, "x"}}, &entry{k: key{keyTerm, "z"}}
	tab.place(probeSlot{last, x})  // at last
	home0 := last + 1              // a hash whose home is slot 0 (0 marks an empty slot)
	tab.place(probeSlot{home0, z}) // at 0, its home
	tab.clearSlot(last)            // x leaves, z stays
	if tab.find(home0, z.k) != z || tab.slots[0].e != z {
		t.Fatal("a removal at the end moved an entry that was at its home")
	}
}
