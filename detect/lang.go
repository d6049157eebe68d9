package detect

// Language identification by function words. lingua-go would also do, but
// even restricted to English and Spanish it loads n-gram models of tens of
// megabytes and reads a 5 KB article far slower than the rest of the
// detector; for telling English from Spanish (and noticing Portuguese or
// French) the commonest words are enough. See README.md for the figures.

const (
	lEN = iota
	lES
	lPT
	lFR
)

var langCodes = [...]string{"en", "es", "pt", "fr"}

// stopwords maps a folded function word to the bit set of languages it
// belongs to. Built once; never written after.
var stopwords = func() map[string]uint8 {
	m := map[string]uint8{}
	// Words frequent in one language and rare in the others.
	for lang, words := range [...][]string{
		lEN: {"the", "and", "of", "to", "in", "is", "that", "said", "was", "for", "with", "on", "it", "he", "she", "would", "will", "not", "from", "by", "has", "have", "are", "which", "who", "this", "after", "as", "at", "an", "his", "her", "its", "were", "had", "be", "been", "their", "s"},
		lES: {"el", "los", "las", "del", "que", "y", "en", "es", "por", "con", "una", "para", "dijo", "se", "su", "al", "lo", "como", "pero", "sus", "este", "esta", "fue", "ha", "afirmo", "tras", "sobre", "la", "de", "no", "un", "ante", "aseguro", "nego", "mas", "entre", "desde", "tambien", "ya", "cual", "vaya", "haya", "esta"},
		lPT: {"o", "os", "do", "da", "dos", "das", "em", "que", "e", "com", "uma", "para", "nao", "disse", "ao", "pelo", "pela", "foi", "tem", "sao", "mas", "como", "seu", "sua"},
		lFR: {"le", "les", "des", "du", "et", "est", "que", "une", "pour", "dans", "pas", "qui", "sur", "au", "aux", "avec", "il", "elle", "ce", "cette", "sont", "ont", "la", "de", "ne"},
	} {
		for _, w := range words {
			m[w] |= 1 << lang
		}
	}
	return m
}()

// identify returns the ISO 639-1 code of the language whose function words
// score highest in the text, or "" when too few words decide it. A word of
// one language only scores 2, a word shared by several scores 1; a tie goes
// to the supported languages first (English, then Spanish).
func identify(dc *doc) string {
	var n [4]int
	for i := range dc.toks {
		if i >= 400 {
			break // the first few hundred words decide it
		}
		m := stopwords[string(dc.word(i))]
		w := 2
		if m&(m-1) != 0 {
			w = 1
		}
		for l := range n {
			if m&(1<<l) != 0 {
				n[l] += w
			}
		}
	}
	best := 0
	for l := 1; l < len(n); l++ {
		if n[l] > n[best] {
			best = l
		}
	}
	if n[best] < 3 {
		return ""
	}
	return langCodes[best]
}
