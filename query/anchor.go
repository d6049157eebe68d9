package query

import (
	"slices"
	"unicode/utf8"

	"sovwatch/news"
)

// keyKind says which property of a document a presearch key stands for.
type keyKind uint8

const (
	keyTerm         keyKind = iota // the document contains this word
	keyTitle                       // the headline contains this word
	keyPrefix                      // the document contains a word with this prefix
	keySource                      // the source name contains this word
	keyLang                        // the article is in this language
	keyType                        // a statement has this type
	keyActor                       // a statement has this actor
	keyTarget                      // a statement has this target
	keySpeaker                     // a statement's speaker name contains this word
	keyAnyStatement                // the document has a statement
	numKeyKinds
)

// key is one entry of the presearch dictionary.
type key struct {
	kind keyKind
	s    string
}

// Estimated costs of anchoring on a key, standing for how many documents
// carry it. Without corpus statistics, word length is the proxy for rarity,
// and function words, found in nearly every article, are the worst anchors.
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

// anchorSet is a necessary condition of a query: a document it matches
// carries at least one of the keys.
type anchorSet struct {
	keys []key
	cost float64
}

func single(k key, cost float64) []anchorSet { return []anchorSet{{[]key{k}, cost}} }

func textKey(w string, title bool) (key, float64) {
	if title {
		// A word in a headline is rarer than the same word anywhere.
		return key{keyTitle, w}, termCost(w) / 2
	}
	return key{keyTerm, w}, termCost(w)
}

// necessary lists conditions that every document satisfying n meets, all at
// once: an AND contributes the conditions of every child, an OR one
// condition that is the union of one condition per alternative, a phrase one
// condition per word. A negation contributes none.
func necessary(n *node) []anchorSet {
	switch n.kind {
	case kAnd, kNear:
		var out []anchorSet
		for _, k := range n.kids {
			out = append(out, necessary(k)...)
		}
		return out
	case kOr:
		var u anchorSet
		for _, k := range n.kids {
			best, ok := cheapest(necessary(k))
			if !ok {
				return nil
			}
			u.keys, u.cost = append(u.keys, best.keys...), u.cost+best.cost
		}
		return []anchorSet{u}
	case kNot:
		return nil
	case kTerm:
		return single(textKey(n.words[0], n.title))
	case kPrefix:
		return single(key{keyPrefix, n.words[0]}, costPrefix)
	case kPhrase, kSource, kSpeaker:
		var out []anchorSet
		for _, w := range n.words {
			switch n.kind {
			case kPhrase:
				out = append(out, single(textKey(w, n.title))...)
			case kSource:
				out = append(out, single(key{keySource, w}, costSource)...)
			default:
				out = append(out, single(key{keySpeaker, w}, costSpeaker)...)
			}
		}
		return out
	case kLang:
		return single(key{keyLang, n.code}, costLang)
	case kExists:
		return necessary(n.kids[0])
	case kType:
		return single(key{keyType, string(n.typ)}, costType)
	case kActor:
		return single(key{keyActor, n.code}, costActor)
	case kTarget:
		return single(key{keyTarget, n.code}, costTarget)
	}
	return nil
}

func cheapest(sets []anchorSet) (anchorSet, bool) {
	if len(sets) == 0 {
		return anchorSet{}, false
	}
	best := sets[0]
	for _, s := range sets[1:] {
		if s.cost < best.cost {
			best = s
		}
	}
	return best, true
}

// chooseAnchors picks the cheapest necessary condition as the keys the
// watchlist is filed under, and a second single-key condition the document
// must also carry before the watchlist is evaluated: most false candidates
// of an AND have its rarest word but not its second rarest. Unless
// AnyArticle, the statement requirement adds its own conditions: a statement
// of one of the listed types, actors or targets, or any statement at all.
func (c *Compiled) chooseAnchors() {
	var sets []anchorSet
	if c.root != nil {
		sets = necessary(c.root)
	}
	if !c.w.AnyArticle {
		f := c.filter
		if f.types != 0 {
			var u anchorSet
			for i, t := range news.StatementTypes {
				if f.types&(1<<i) != 0 {
					u.keys, u.cost = append(u.keys, key{keyType, string(t)}), u.cost+costType
				}
			}
			sets = append(sets, u)
		}
		for _, codes := range []struct {
			kind keyKind
			l    []string
			cost float64
		}{{keyActor, f.actors, costActor}, {keyTarget, f.targets, costTarget}} {
			if len(codes.l) > 0 {
				var u anchorSet
				for _, a := range codes.l {
					u.keys, u.cost = append(u.keys, key{codes.kind, a}), u.cost+codes.cost
				}
				sets = append(sets, u)
			}
		}
		sets = append(sets, single(key{keyAnyStatement, ""}, costStatement)...)
	}
	// Candidates grow roughly with the product of the two keys'
	// frequencies, so a pair is scored by the product of its costs. Only a
	// single key can be the second one, which is why a cheap OR of several
	// words may be filed under while a single word guards it.
	bestScore := float64(costNever)
	for _, p := range sets {
		var r anchorSet
		score := p.cost
		for _, s := range sets {
			if len(s.keys) == 1 && s.keys[0].kind != keyAnyStatement && // the index checks that one already
				!slices.Contains(p.keys, s.keys[0]) && (r.keys == nil || s.cost < r.cost) {
				r = s
			}
		}
		if r.keys != nil {
			score = p.cost * min(1, r.cost/pairNorm)
		}
		if score < bestScore {
			bestScore = score
			c.anchored, c.anchors = true, dedupKeys(p.keys)
			c.hasReq = r.keys != nil
			if c.hasReq {
				c.req = r.keys[0]
			}
		}
	}
}

// pairNorm turns the cost of a second key into the share of candidates it
// lets through.
const pairNorm = 50

func dedupKeys(ks []key) []key {
	var out []key
	for _, k := range ks {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
