package detect

// Language identification by function words. lingua-go would also do, but
// even restricted to English and Spanish it loads n-gram models of tens of
// megabytes and reads a 5 KB article far slower than the rest of the
// detector; for telling English from Spanish (and noticing Portuguese or
// French) the commonest words are enough. See README.md for the figures.
var stopwords = map[string]uint8{}

const (
	lEN = iota
	lES
	lPT
	lFR
)

var langCodes = [...]string{"en", "es", "pt", "fr"}

func init() {
	// Words frequent in one language and rare in the others.
	for lang, words := range [...][]string{
		lEN: {"the", "and", "of", "to", "in", "is", "that", "said", "was", "for", "with", "on", "it", "he", "she", "would", "will", "not", "from", "by", "has", "have", "are", "which", "who", "this"},
		lES: {"el", "los", "las", "del", "que", "y", "en", "es", "por", "con", "una", "para", "dijo", "se", "su", "al", "lo", "como", "pero", "sus", "este", "esta", "fue", "ha", "afirmo", "tras", "sobre"},
		lPT: {"o", "os", "do", "da", "dos", "das", "em", "que", "e", "com", "uma", "para", "nao", "disse", "ao", "pelo", "pela", "foi", "tem", "sao", "mas", "como", "seu", "sua"},
		lFR: {"le", "les", "des", "du", "et", "est", "que", "une", "pour", "dans", "pas", "qui", "sur", "au", "aux", "avec", "il", "elle", "a", "ce", "cette", "sont", "ont"},
	} {
		for _, w := range words {
			stopwords[w] |= 1 << lang
		}
	}
}

// identify returns the ISO 639-1 code of the language with the most function
// words in the text, or "" when too few words decide it.
func identify(dc *doc) string {
	var n [4]int
	for i := range dc.toks {
		if i >= 400 {
			break // the first few hundred words decide it
		}
		m := stopwords[string(dc.word(i))]
		for l := range n {
			if m&(1<<l) != 0 {
				n[l]++
			}
		}
	}
	best, second := 0, -1
	for l := 1; l < len(n); l++ {
		if n[l] > n[best] {
			second, best = best, l
		} else if second < 0 || n[l] > n[second] {
			second = l
		}
	}
	if n[best] < 2 || (second >= 0 && n[best] == n[second]) {
		return ""
	}
	return langCodes[best]
}
