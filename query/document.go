package query

import (
	"math"
	"math/bits"
	"strings"

	"sovwatch/news"
)

// fieldGap separates the headline from the body in word positions. It is
// larger than MaxNear and any phrase so that neither NEAR nor a phrase can
// match across the boundary.
const fieldGap = 64

// Document is an article prepared for matching: normalised and tokenised once,
// then evaluated against any number of watchlists. It is read-only after
// NewDocument and safe for concurrent use.
type Document struct {
	ids      map[string]int32 // folded word -> word id
	vocab    []string         // word id -> word
	lists    [][]int32        // word id -> sorted positions (headline first, then body)
	order    []int32          // word ids grouped by first byte, for wildcards
	first    [257]int32       // start of each first byte's group in order
	titleEnd int32            // positions below this are in the headline
	inHead   []uint64         // bit per word id: the word is in the headline
	source   []string
	lang     string
	stmts    []docStatement
	maxConf  float64 // the highest statement confidence, -1 without statements
	// typeConf is the highest confidence per statement type (index in
	// news.StatementTypes), -1 for a type the document lacks.
	typeConf [8]float64
}

// docStatement is a statement with its fields normalised for comparison.
type docStatement struct {
	typ     uint8 // index in news.StatementTypes, or 255 when unknown
	actor   string
	targets []string
	// actorCode and targetCodes are the codes packed by countryCode, as
	// the index's programs compare them.
	actorCode   uint32
	targetCodes []uint32
	speaker     []string
	conf        float64
}

const unknownType = 255

func typeIndex(t news.StatementType) uint8 {
	for i, s := range news.StatementTypes {
		if s == t {
			return uint8(i)
		}
	}
	return unknownType
}

// NewDocument normalises an article and its detected statements. The body is
// news.Article.Body: the full text when fetched, else the summary.
func NewDocument(a news.Article, stmts []news.Statement) *Document {
	title := words(nil, fold(a.Title))
	body := fold(a.Body())
	toks := words(make([]string, 0, len(title)+len(body)/6), body)
	toks = append(toks, title...) // title words last, so that body positions are the indexes

	// Word ids first, then positions carved out of one backing array: one
	// allocation instead of one per distinct word.
	d := &Document{ids: make(map[string]int32, len(toks)/2+8), titleEnd: int32(len(title))}
	tokID := make([]int32, len(toks))
	var counts []int32
	for i, w := range toks {
		id, ok := d.ids[w]
		if !ok {
			id = int32(len(d.vocab))
			d.ids[w] = id
			d.vocab = append(d.vocab, w)
			counts = append(counts, 0)
		}
		tokID[i] = id
		counts[id]++
	}
	backing := make([]int32, len(toks))
	d.lists = make([][]int32, len(counts))
	off := int32(0)
	for id, c := range counts {
		d.lists[id] = backing[off : off : off+c]
		off += c
	}
	nb := len(toks) - len(title)
	d.inHead = make([]uint64, (len(counts)+63)/64)
	for p, id := range tokID[nb:] {
		d.lists[id] = append(d.lists[id], int32(p))
		setBit(d.inHead, uint32(id))
	}
	bodyStart := int32(len(title)) + fieldGap
	for p, id := range tokID[:nb] {
		d.lists[id] = append(d.lists[id], bodyStart+int32(p))
	}

	// A counting sort by first byte is all wildcards need, and much cheaper
	// than sorting the vocabulary.
	for _, w := range d.vocab {
		d.first[int(w[0])+1]++
	}
	for i := 1; i < len(d.first); i++ {
		d.first[i] += d.first[i-1]
	}
	d.order = make([]int32, len(d.vocab))
	next := d.first
	for id, w := range d.vocab {
		d.order[next[w[0]]] = int32(id)
		next[w[0]]++
	}

	d.source = foldWords(a.Source)
	d.lang = normLang(a.Language)
	d.stmts = make([]docStatement, len(stmts))
	d.maxConf = -1
	for i := range d.typeConf {
		d.typeConf[i] = -1
	}
	for i, s := range stmts {
		c := s.Confidence
		if c != c {
			c = math.Inf(1) // NaN is below no threshold, as in eligible
		}
		d.maxConf = max(d.maxConf, c)
		typ := typeIndex(s.Type)
		if typ != unknownType {
			d.typeConf[typ] = max(d.typeConf[typ], c)
		}
		ds := docStatement{typ: typ, actor: strings.ToUpper(strings.TrimSpace(s.Actor)),
			speaker: foldWords(s.Speaker), conf: s.Confidence}
		ds.actorCode = countryCode(ds.actor)
		for _, t := range s.Targets {
			t = strings.ToUpper(strings.TrimSpace(t))
			ds.targets, ds.targetCodes = append(ds.targets, t), append(ds.targetCodes, countryCode(t))
		}
		d.stmts[i] = ds
	}
	return d
}

// positions returns where word w occurs, nil when it does not.
func (d *Document) positions(w string) []int32 {
	if id, ok := d.ids[w]; ok {
		return d.lists[id]
	}
	return nil
}

// withPrefix calls f with the id of every word starting with p until f
// returns false.
func (d *Document) withPrefix(p string, f func(id int32) bool) {
	b := p[0]
	for _, id := range d.order[d.first[b]:d.first[int(b)+1]] {
		if strings.HasPrefix(d.vocab[id], p) && !f(id) {
			return
		}
	}
}

// normLang keeps the primary subtag: "es-MX" and "ES" both become "es".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}

// Statements reports how many statements the document carries; explanation
// indexes refer to the slice given to NewDocument.
func (d *Document) Statements() int { return len(d.stmts) }

func statementTypeName(i uint8) string { return string(news.StatementTypes[i]) }

// maxConfOf is the highest confidence of the document's statements of the
// types in the bit set (any type when it is empty), -1 when there are none.
func (d *Document) maxConfOf(types uint8) float64 {
	if types == 0 {
		return d.maxConf
	}
	c := -1.0
	for types != 0 {
		i := bits.TrailingZeros8(types)
		types &= types - 1
		c = max(c, d.typeConf[i])
	}
	return c
}

func (d *Document) inTitle(id int32) bool { return hasBit(d.inHead, uint32(id)) }
