package query

import (
	"unicode/utf8"

	"sovwatch/news"
)

// keyKind says which property of a document a presearch key stands for.
type keyKind uint8

const (
	keyTerm         keyKind = iota // the document contains this word
	keyPrefix                      // the document contains a word with this prefix
	keySource                      // the source name contains this word
	keyLang                        // the article is in this language
	keyType                        // a statement has this type
	keyActor                       // a statement has this actor
	keyTarget                      // a statement has this target
	keySpeaker                     // a statement's speaker name contains this word
	keyAnyStatement                // the document has a statement
)

// key is one entry of the presearch dictionary.
type key struct {
	kind keyKind
	s    string
}

// Estimated costs of anchoring on a key, standing for how many documents
// carry it. Without corpus statistics, word length is the proxy for rarity
// and function words are all but free to find in any article.
const (
	costNever     = 1e18
	costPrefix    = 6
	costSource    = 50
	costLang      = 5000
	costType      = 100
	costActor     = 60
	costTarget    = 40
	costSpeaker   = 10
	costStatement = 400
)

func termCost(w string) float64 {
	if stopwords[w] {
		return 1000
	}
	switch n := utf8.RuneCountInString(w); {
	case n >= 7:
		return 2
	case n >= 5:
		return 4
	case n >= 3:
		return 8
	}
	return 30
}

// stopwords are words nearly every English or Spanish article contains.
var stopwords = map[string]bool{}

func init() {
	for _, w := range []string{
		"the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "with", "by", "at", "from", "as", "is", "was", "are", "be", "that", "this", "it", "said", "says", "has", "have", "not", "will", "would",
		"el", "la", "los", "las", "de", "del", "en", "y", "o", "que", "un", "una", "por", "para", "con", "se", "su", "al", "es", "lo", "no", "dijo", "como",
	} {
		stopwords[w] = true
	}
}

func longest(ws []string) string {
	best := ws[0]
	for _, w := range ws[1:] {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// anchorsOf returns keys such that any document satisfying n contains at
// least one of them. ok is false when n can hold without any (a negation).
// From an AND it takes the cheapest child; from an OR the union of all.
func anchorsOf(n *node) (keys []key, cost float64, ok bool) {
	switch n.kind {
	case kAnd:
		cost = costNever
		for _, k := range n.kids {
			if ks, c, kok := anchorsOf(k); kok && c < cost {
				keys, cost, ok = ks, c, true
			}
		}
		return keys, cost, ok
	case kOr:
		for _, k := range n.kids {
			ks, c, kok := anchorsOf(k)
			if !kok {
				return nil, costNever, false
			}
			keys, cost = append(keys, ks...), cost+c
		}
		return keys, cost, true
	case kNot:
		return nil, costNever, false
	case kTerm:
		return []key{{keyTerm, n.words[0]}}, termCost(n.words[0]), true
	case kPrefix:
		return []key{{keyPrefix, n.words[0]}}, costPrefix, true
	case kPhrase:
		best := n.words[0]
		for _, w := range n.words[1:] {
			if termCost(w) < termCost(best) {
				best = w
			}
		}
		return []key{{keyTerm, best}}, termCost(best), true
	case kNear:
		ka, ca, _ := anchorsOf(n.kids[0])
		kb, cb, _ := anchorsOf(n.kids[1])
		if cb < ca {
			return kb, cb, true
		}
		return ka, ca, true
	case kSource:
		return []key{{keySource, longest(n.words)}}, costSource, true
	case kLang:
		return []key{{keyLang, n.code}}, costLang, true
	case kExists:
		return anchorsOf(n.kids[0])
	case kType:
		return []key{{keyType, string(n.typ)}}, costType, true
	case kActor:
		return []key{{keyActor, n.code}}, costActor, true
	case kTarget:
		return []key{{keyTarget, n.code}}, costTarget, true
	case kSpeaker:
		return []key{{keySpeaker, longest(n.words)}}, costSpeaker, true
	}
	return nil, costNever, false
}

// chooseAnchors picks the cheapest necessary condition among the query's and
// the statement requirement's. The statement requirement is a conjunct of its
// own: unless AnyArticle, a match needs an eligible statement, and so a
// statement of one of the listed types, actors or targets.
func (c *Compiled) chooseAnchors() ([]key, bool) {
	keys, cost, ok := []key(nil), float64(costNever), false
	if c.root != nil {
		keys, cost, ok = anchorsOf(c.root)
	}
	if c.w.AnyArticle {
		return keys, ok
	}
	consider := func(ks []key, kc float64) {
		if kc < cost {
			keys, cost, ok = ks, kc, true
		}
	}
	f := c.filter
	if f.types != 0 {
		var ks []key
		for i, t := range news.StatementTypes {
			if f.types&(1<<i) != 0 {
				ks = append(ks, key{keyType, string(t)})
			}
		}
		consider(ks, float64(len(ks))*costType)
	}
	if len(f.actors) > 0 {
		var ks []key
		for _, a := range f.actors {
			ks = append(ks, key{keyActor, a})
		}
		consider(ks, float64(len(ks))*costActor)
	}
	if len(f.targets) > 0 {
		var ks []key
		for _, t := range f.targets {
			ks = append(ks, key{keyTarget, t})
		}
		consider(ks, float64(len(ks))*costTarget)
	}
	consider([]key{{keyAnyStatement, ""}}, costStatement)
	return keys, ok
}
