package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"sovwatch/news"
)

// maxSentenceRunes caps one summary sentence: a feed that runs a whole
// article into one "sentence" must not fill the message.
const maxSentenceRunes = 400

// Summary is an extractive summary of at most max sentences: the article's
// lead sentence, then the sentences the statements were found in, then
// further lead sentences, without repeats. Sentences are cleaned of
// control characters but not escaped. It is a function of its own so a
// better summariser can replace it without touching the renderers.
func Summary(a news.Article, sts []news.Statement, max int) []string {
	if max <= 0 {
		return nil
	}
	lead := leadSentences(a.Summary, a.Language)
	if len(lead) == 0 {
		lead = leadSentences(a.Text, a.Language)
	}
	var out []string
	var keys []string
	add := func(s string) {
		s = Clean(s)
		k := sentenceKey(s)
		if len(out) >= max || len([]rune(k)) < 3 {
			return
		}
		for i, o := range keys {
			// A sentence that repeats (or is contained in) one already
			// taken says nothing new; a longer one replaces it.
			if strings.Contains(o, k) {
				return
			}
			if strings.Contains(k, o) {
				out[i], keys[i] = truncate(s, maxSentenceRunes), k
				return
			}
		}
		out, keys = append(out, truncate(s, maxSentenceRunes)), append(keys, k)
	}
	if len(lead) > 0 {
		add(lead[0])
	}
	for _, st := range sts {
		add(st.Sentence)
	}
	for _, s := range lead[min(1, len(lead)):] {
		add(s)
	}
	return out
}

// leadWindow is how much of a text is split for its lead sentences: a
// summary needs only the first few, and a full article can be long.
const leadWindow = 8 << 10

// leadSentences returns the sentences at the start of text, leaving out a
// last one cut by the window.
func leadSentences(text, lang string) []string {
	text = Clean(text)
	if len(text) <= leadWindow {
		return Sentences(text, lang)
	}
	cut := leadWindow
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	ss := Sentences(text[:cut], lang)
	if len(ss) > 1 {
		ss = ss[:len(ss)-1]
	}
	return ss
}

// sentenceKey normalises a sentence for duplicate detection: letters and
// digits only, lower case, single spaces.
func sentenceKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// abbreviations end with a full stop that does not end a sentence, by
// language (ISO 639-1), compared lower-case without their final stop.
// Tokens with an inner stop (U.S., EE.UU., a.m.) and single letters
// (initials) are handled by rule, not listed.
var abbreviations = map[string][]string{
	"": {"mr", "mrs", "ms", "dr", "prof", "sr", "sra", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "pres", "rev",
		"vs", "etc", "inc", "corp", "ltd", "co", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"approx", "est", "fig", "vol", "art"},
	"es": {"sr", "sra", "srta", "srs", "dr", "dra", "lic", "ing", "arq", "gral", "gen", "cnel", "tte", "cap", "pdte", "pte", "dip", "sen",
		"uu", "ee", "pág", "págs", "art", "arts", "cap", "etc", "aprox", "admón", "avda", "av", "dña", "dn", "ud", "uds", "vd", "vds", "ss",
		"ene", "feb", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
	"pt": {"sr", "sra", "srta", "dr", "dra", "prof", "profa", "gen", "cel", "ten", "dep", "sen", "pres", "eng", "av", "etc", "nº", "pág", "art"},
	"fr": {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "gén", "col", "st", "ste", "etc", "av", "art", "p", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"},
	"de": {"hr", "fr", "dr", "prof", "bzw", "usw", "vgl", "ca", "nr", "str", "z", "b", "d", "h", "u", "a", "gen", "abs", "art", "jan", "feb", "okt", "dez"},
	"it": {"sig", "sigg", "sig.ra", "dott", "prof", "ing", "avv", "gen", "on", "sen", "pres", "ecc", "art", "pag"},
}

// Sentences splits text into sentences, in the language given (ISO 639-1,
// empty when unknown). A stop, question or exclamation mark (with any
// closing quotes or brackets after it) ends a sentence when white space
// and then an upper-case letter, a digit, or an opening quote or
// inverted mark follows, unless the word before it is a known
// abbreviation, an initial, or has an inner stop ("U.S.", "EE.UU.").
func Sentences(text, lang string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	abbr := abbreviations[strings.ToLower(lang)]
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(".!?…", r) {
			i += n
			continue
		}
		end := i + n
		// Take a run of terminators and closing quotes: `?!`, `."`, `.»`, `.)`.
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(".!?…\"'”’»)]", r2) {
				break
			}
			end += n2
		}
		i = end
		if end >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			continue
		}
		after := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
		first, _ := utf8.DecodeRuneInString(after)
		if after == "" || !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"'“‘«¿¡([", first)) {
			continue
		}
		if r == '.' && abbreviated(text[start:end], after, abbr) {
			continue
		}
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// numberAbbreviations abbreviate only before a number: "No. 5" but
// "He said no. Then".
var numberAbbreviations = []string{"no", "nos", "n", "nº", "núm", "nr", "p", "pp", "art"}

// abbreviated reports whether the last word of s, which ends in a full
// stop, is an abbreviation rather than the end of a sentence; next is the
// text after it.
func abbreviated(s, next string, lang []string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	// Only the last word matters; finding it from the end keeps a text of
	// many stops ("X. X. X.") linear.
	w := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
	w = strings.TrimLeft(w, "\"'“‘«¿¡([")
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		// U.S, EE.UU, a.m, p.ej: an inner stop marks an abbreviation. A
		// sentence really ending in one ("...in the U.S. Then") is kept
		// whole: merging two sentences costs less than cutting one.
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r) // an initial: "J. Smith"
	}
	lw := strings.ToLower(w)
	if first, _ := utf8.DecodeRuneInString(next); unicode.IsDigit(first) && slices.Contains(numberAbbreviations, lw) {
		return true
	}
	for _, list := range [][]string{lang, abbreviations[""]} {
		for _, a := range list {
			if a == lw {
				return true
			}
		}
	}
	return false
}
