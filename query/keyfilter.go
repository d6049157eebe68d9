package query

// keyFilter is a bit set over hashed keys, sized to the keys it holds: an
// article's words are looked up in it before the dictionary, and most of
// them are keys of no watchlist. In a pipeline the filter is cold for every
// article, and so is the dictionary: a word that is no key but passes the
// filter costs a chain of cache misses, one line of the filter costs one
// miss that overlaps with the others. It holds 64 to 128 bits per key, so
// that a word that is no key passes it less than once in 64.
// Bits are never cleared: a stale bit costs one lookup, not a wrong answer.
type keyFilter struct {
	bits  []uint64
	shift uint32 // a hash's top bits index the set
	keys  int    // added since the set was last sized
}

// minFilterBits keeps a small index's filter at a few cache lines.
const minFilterBits = 4096

func (f *keyFilter) has(h uint32) bool {
	if f.bits == nil {
		return false
	}
	return hasBit(f.bits, h>>f.shift)
}

// add sets the bit of h. When the set is full it reports true, and the
// caller refills it, with every key, by reset and add.
func (f *keyFilter) add(h uint32) (full bool) {
	if f.bits == nil {
		f.reset(0)
	}
	setBit(f.bits, h>>f.shift)
	f.keys++
	return f.keys > len(f.bits) // fewer than 64 bits per key
}

// reset empties the set and sizes it for n keys.
func (f *keyFilter) reset(n int) {
	size, log := minFilterBits, uint32(12)
	for size < 128*n {
		size, log = size*2, log+1
	}
	f.bits, f.shift, f.keys = make([]uint64, size/64), 32-log, 0
}
