package query

import (
	"slices"
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
	postings map[string][]int32 // folded word -> sorted positions (headline first, then body)
	vocab    []string           // distinct words, sorted, for wildcards and presearch
	titleEnd int32              // positions below this are in the headline
	source   []string
	lang     string
	stmts    []docStatement
}

// docStatement is a statement with its fields normalised for comparison.
type docStatement struct {
	typ     uint8 // index in news.StatementTypes, or 255 when unknown
	actor   string
	targets []string
	speaker []string
	conf    float64
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
	body := words(make([]string, 0, len(a.Body())/6), fold(a.Body()))

	// Two passes over the words so that all positions share one backing
	// array instead of one small allocation per distinct word.
	ids := make(map[string]int32, (len(title)+len(body))/3+8)
	var counts []int32
	count := func(ws []string) {
		for _, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(counts))
				ids[w] = id
				counts = append(counts, 0)
			}
			counts[id]++
		}
	}
	count(title)
	count(body)
	backing := make([]int32, len(title)+len(body))
	lists := make([][]int32, len(counts))
	off := int32(0)
	for id, c := range counts {
		lists[id] = backing[off : off : off+c]
		off += c
	}
	for p, w := range title {
		id := ids[w]
		lists[id] = append(lists[id], int32(p))
	}
	bodyStart := int32(len(title)) + fieldGap
	for p, w := range body {
		id := ids[w]
		lists[id] = append(lists[id], bodyStart+int32(p))
	}
	d := &Document{
		postings: make(map[string][]int32, len(ids)),
		vocab:    make([]string, 0, len(ids)),
		titleEnd: int32(len(title)),
		source:   foldWords(a.Source),
		lang:     normLang(a.Language),
	}
	for w, id := range ids {
		d.postings[w] = lists[id]
		d.vocab = append(d.vocab, w)
	}
	slices.Sort(d.vocab)
	d.stmts = make([]docStatement, len(stmts))
	for i, s := range stmts {
		ds := docStatement{typ: typeIndex(s.Type), actor: strings.ToUpper(strings.TrimSpace(s.Actor)),
			speaker: foldWords(s.Speaker), conf: s.Confidence}
		for _, t := range s.Targets {
			ds.targets = append(ds.targets, strings.ToUpper(strings.TrimSpace(t)))
		}
		d.stmts[i] = ds
	}
	return d
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

func (d *Document) inTitle(w string) bool {
	p := d.postings[w]
	return len(p) > 0 && p[0] < d.titleEnd
}
