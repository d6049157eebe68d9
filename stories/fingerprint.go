// Package stories groups near-duplicate articles into stories: the same wire
// copy picked up by twenty outlets, a press release rewritten with a new
// headline, a report with a local paragraph added. It is pure: text in,
// fingerprints and story assignments out, no I/O. The caller stores the
// fingerprints and story IDs and rebuilds a Grouper from them at start.
//
// A fingerprint is a MinHash signature of the body's word shingles plus the
// hashed content words of the title. MinHash rather than SimHash because
// what we want to threshold is set overlap (how much of one copy's text is in
// the other) and MinHash estimates exactly that, the Jaccard similarity, with
// an error we can bound (about ±0.044 at 0.5 with 128 hashes); its LSH bands
// then give candidates with a recall we can compute. A 64-bit SimHash is 64
// times smaller, but its Hamming distance is a less direct proxy: an outlet's
// added local paragraph moves many bits at once, and the usual 3-bit
// tolerance finds only copies that are nearly verbatim. 512 bytes per article
// is nothing for SQLite.
package stories

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"sovwatch/news"
)

// NumHashes is the length of a body signature. 128 keeps the standard error
// of the Jaccard estimate near 0.044 at the 0.5 threshold.
const NumHashes = 128

// shingleWords is the number of consecutive content words in a shingle. With
// stop words gone and words stemmed, pairs already pin phrasing down; on the
// test set triples cut the similarity of templated market wraps (0.26 to
// 0.14) but also that of paraphrased copies (lowest 0.34 to 0.29) and lost
// one. Pairs with a 0.4 threshold found every pair and merged none.
const shingleWords = 2

// fingerprintVersion changes whenever anything above changes what a
// fingerprint holds (hashes, stemming, stop words, shingle size): stored
// fingerprints of another version cannot be compared and must be recomputed.
const fingerprintVersion = 1

// ErrVersion is returned by UnmarshalBinary for a fingerprint computed by
// another version of this package; the caller recomputes it from the
// article's text.
var ErrVersion = errors.New("stories: fingerprint from another version")

// Fingerprint is what the grouper needs of an article. Compute it once, when
// the article is first seen, and store it with MarshalBinary.
type Fingerprint struct {
	// Lang is the article's primary language subtag ("en", "es"), or
	// empty when unknown. Only fingerprints of one language are compared.
	Lang string
	// Shingles is the number of distinct body shingles; zero means the
	// body was too short to compare and Sig is meaningless.
	Shingles int
	// Sig is the MinHash signature of the body's shingles.
	Sig [NumHashes]uint32
	// Title holds the sorted, distinct hashes of the title's content
	// words (folded, stemmed, stop words dropped).
	Title []uint32
}

// minhash holds the coefficients of the NumHashes hash functions
// h_i(x) = high32(a_i*x + b_i). The input x is already a well-mixed 64-bit
// shingle hash, so a multiply-add per function is enough, and far cheaper
// than rehashing. The coefficients are fixed: they are part of the stored
// format.
var minhash = func() (c struct{ a, b [NumHashes]uint64 }) {
	seed := uint64(0x736f767761746368) // "sovwatch"
	next := func() uint64 {
		seed += 0x9e3779b97f4a7c15
		return mix64(seed)
	}
	for i := range NumHashes {
		c.a[i] = next() | 1
		c.b[i] = next()
	}
	return c
}()

// Of computes the fingerprint of an article from its title, the best body
// text it has and its language.
func Of(a news.Article) Fingerprint {
	return Compute(a.Language, a.Title, a.Body())
}

// Compute computes a fingerprint from raw text. Language selects the stop
// words; a language without a list (or an empty one) uses none.
func Compute(lang, title, body string) Fingerprint {
	fp := Fingerprint{Lang: normLang(lang)}
	stop := stopWords[fp.Lang]

	var titleWords []uint32
	words(title, stop, 64, func(h uint64) { titleWords = append(titleWords, uint32(h>>32)) })
	slices.Sort(titleWords)
	fp.Title = slices.Compact(titleWords)

	shingles := bodyShingles(body, stop)
	fp.Shingles = len(shingles)
	if fp.Shingles < minShingles {
		fp.Shingles = 0
		return fp
	}
	// One hash function at a time over all shingles keeps the running
	// minimum and the coefficients in registers.
	for i := range NumHashes {
		a, b, m := minhash.a[i], minhash.b[i], ^uint32(0)
		for _, x := range shingles {
			m = min(m, uint32((a*x+b)>>32))
		}
		fp.Sig[i] = m
	}
	return fp
}

// bodyShingles returns the sorted, distinct hashes of the body's shingles:
// runs of shingleWords consecutive content words.
func bodyShingles(body string, stop map[string]struct{}) []uint64 {
	shingles := make([]uint64, 0, len(body)/8)
	// A ring of the last words avoids keeping the whole token list.
	var ring [shingleWords]uint64
	n := 0
	words(body, stop, maxBodyWords, func(h uint64) {
		ring[n%shingleWords] = h
		n++
		if n < shingleWords {
			return
		}
		// Combine in order, so that "a b" and "b a" differ.
		var s uint64
		for i := n - shingleWords; i < n; i++ {
			s = mix64(s ^ ring[i%shingleWords])
		}
		shingles = append(shingles, s)
	})
	slices.Sort(shingles)
	return slices.Compact(shingles)
}

// minShingles is the smallest body worth comparing. A feed snippet of a
// dozen words shares its few shingles with too many unrelated snippets for
// the estimate to mean anything; such articles group on their titles alone.
const minShingles = 12

// BodySimilarity estimates the Jaccard similarity of two bodies' shingle
// sets: the share of signature positions that agree. It is 0 when either body
// was too short to fingerprint.
func BodySimilarity(a, b *Fingerprint) float64 {
	if a.Shingles == 0 || b.Shingles == 0 {
		return 0
	}
	same := 0
	for i := range a.Sig {
		if a.Sig[i] == b.Sig[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// TitleOverlap returns the number of content words two titles share and
// their Jaccard similarity.
func TitleOverlap(a, b *Fingerprint) (shared int, jaccard float64) {
	i, j := 0, 0
	for i < len(a.Title) && j < len(b.Title) {
		switch {
		case a.Title[i] < b.Title[j]:
			i++
		case a.Title[i] > b.Title[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	union := len(a.Title) + len(b.Title) - shared
	if union == 0 {
		return 0, 0
	}
	return shared, float64(shared) / float64(union)
}

// MarshalBinary encodes the fingerprint compactly (about 530 bytes with a
// body, a few dozen without) for storage next to the article.
func (fp *Fingerprint) MarshalBinary() ([]byte, error) {
	if len(fp.Lang) > maxLangLen {
		return nil, fmt.Errorf("stories: encode fingerprint: language %q longer than %d bytes", fp.Lang, maxLangLen)
	}
	b := make([]byte, 0, 2+len(fp.Lang)+binary.MaxVarintLen64+4*NumHashes+binary.MaxVarintLen64+4*len(fp.Title))
	b = append(b, fingerprintVersion, byte(len(fp.Lang)))
	b = append(b, fp.Lang...)
	b = binary.AppendUvarint(b, uint64(fp.Shingles))
	if fp.Shingles > 0 {
		for _, v := range fp.Sig {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(fp.Title)))
	for _, v := range fp.Title {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded. It returns ErrVersion
// for a fingerprint of another version.
func (fp *Fingerprint) UnmarshalBinary(b []byte) error {
	bad := func(what string) error { return fmt.Errorf("stories: decode fingerprint: %s", what) }
	if len(b) < 2 {
		return bad("too short")
	}
	if b[0] != fingerprintVersion {
		return ErrVersion
	}
	n := int(b[1])
	b = b[2:]
	if n > maxLangLen || len(b) < n {
		return bad("language")
	}
	out := Fingerprint{Lang: string(b[:n])}
	b = b[n:]
	sh, k := binary.Uvarint(b)
	if k <= 0 || sh > 1<<31 {
		return bad("shingle count")
	}
	b = b[k:]
	out.Shingles = int(sh)
	if out.Shingles > 0 {
		if len(b) < 4*NumHashes {
			return bad("signature")
		}
		for i := range out.Sig {
			out.Sig[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		b = b[4*NumHashes:]
	}
	nt, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) != 4*nt {
		return bad("title")
	}
	b = b[k:]
	if nt > 0 {
		out.Title = make([]uint32, nt)
		for i := range out.Title {
			out.Title[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
	*fp = out
	return nil
}
