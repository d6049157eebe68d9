package detect

import (
	"unicode"
	"unicode/utf8"

	"sovwatch/geo"
)

// Quote marks are folded to control bytes so that direction survives folding:
// curly quotes and guillemets say whether they open or close, a straight
// quote does not and is judged by its neighbours.
const (
	qOpen  = 0x02
	qClose = 0x03
)

// gap flags describe what separates a token from the one before it.
const (
	gapComma   = 1 << iota // a comma or a dash: phrases may span it
	gapStop                // . ! ? (not after an abbreviation)
	gapAbbrDot             // the dot of an abbreviation ("Sen.", "EE. UU.")
	gapNewline             // a line break: always a sentence boundary
	gapQuote               // a quotation mark
	gapOther               // ; : ( ) and the like: phrases stop here
	gapPossess             // an apostrophe-s follows ("Mexico's")
)

type token struct {
	start, end int32 // byte range in the folded text
	gap        uint8 // what lies between the previous token and this one
	upper      bool  // the original word starts with an upper-case letter
	allUpper   bool  // the original word is all upper case ("US", "SRE")
	inQuote    bool  // inside quotation marks
}

// doc is one text being analysed: the folded text, its mapping back to the
// original and its tokens. It is pooled, so its slices are reused.
type doc struct {
	orig   string
	folded []byte
	offs   []int32 // offs[i] is the original offset of folded byte i; len(folded)+1 entries
	toks   []token
	key    []byte
	ms     []match
	sents  []sentence
	ments  []mention
	cues   [4][]int
	st     passageState
	lang   string   // the language Analyze settled on
	feat   []uint64 // the model's features of the current sentence
}

func (d *doc) reset(text string) {
	d.orig = text
	d.folded = d.folded[:0]
	d.offs = d.offs[:0]
	d.toks = d.toks[:0]
	d.ms = d.ms[:0]
	people, named, from := d.st.people[:0], d.st.named[:0], d.st.from[:0]
	d.st = passageState{people: people, named: named, from: from}
}

// fold lower-cases and strips accents, keeping a map back to the original
// offsets so that sentences and quotes are returned as written.
func (d *doc) fold() {
	s := d.orig
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '\r' || c == '\t' {
				c = ' '
			}
			d.folded = append(d.folded, c)
			d.offs = append(d.offs, int32(i))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var f rune
		switch r {
		case '\u201c', '\u00ab', '\u201e', '\u2039': // “ « „ ‹
			f = qOpen
		case '\u201d', '\u00bb', '\u203a': // ” » ›
			f = qClose
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003':
			f = ' '
		case '\u2026':
			f = '.'
		default:
			f = geo.FoldRune(r)
		}
		if f < utf8.RuneSelf {
			d.folded = append(d.folded, byte(f))
			d.offs = append(d.offs, int32(i))
		} else {
			var buf [4]byte
			m := utf8.EncodeRune(buf[:], f)
			for k := 0; k < m; k++ {
				d.folded = append(d.folded, buf[k])
				d.offs = append(d.offs, int32(i))
			}
		}
		i += n
	}
	d.offs = append(d.offs, int32(len(s)))
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// wordRuneAt reports whether the folded text holds a letter or digit at i,
// and its width.
func (d *doc) wordRuneAt(i int) (bool, int) {
	c := d.folded[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9', 1
	}
	r, n := utf8.DecodeRune(d.folded[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), n
}

// tokenize splits the folded text into words with the same rules as geo.Key,
// recording what separates each word from the previous one and whether it
// is quoted.
func (d *doc) tokenize(abbr func(word []byte) bool) {
	f := d.folded
	inQuote := false
	var gap uint8
	for i := 0; i < len(f); {
		ok, n := d.wordRuneAt(i)
		if !ok {
			switch c := f[i]; c {
			case ',', '-':
				gap |= gapComma
			case '.', '!', '?':
				if c == '.' && len(d.toks) > 0 && gap == 0 {
					t := d.toks[len(d.toks)-1]
					if abbr(f[t.start:t.end]) {
						gap |= gapAbbrDot
						break
					}
				}
				gap |= gapStop
			case '\n':
				gap |= gapNewline
				inQuote = false
			case qOpen:
				gap |= gapQuote
				inQuote = true
			case qClose:
				gap |= gapQuote
				inQuote = false
			case '"':
				gap |= gapQuote
				// A straight quote opens when nothing word-like precedes it.
				prev := byte(' ')
				if i > 0 {
					prev = f[i-1]
				}
				inQuote = prev == ' ' || prev == '\n' || prev == '(' || prev == ':' || prev == qOpen || prev == '-'
				if i == 0 {
					inQuote = true
				}
			case '\'':
				if i+1 < len(f) && f[i+1] == 's' && (i+2 == len(f) || !isWordByte(f[i+2])) && len(d.toks) > 0 {
					// Possessive: skip the s and mark the next word.
					gap |= gapPossess
					i += 2
					continue
				}
				if i > 0 && f[i-1] == 's' && i+2 < len(f) && f[i+1] == ' ' && len(d.toks) > 0 && d.toks[len(d.toks)-1].upper &&
					int(d.offs[i+2]) < len(d.orig) && d.orig[d.offs[i+2]] >= 'A' && d.orig[d.offs[i+2]] <= 'Z' {
					// A plural possessive before a name: "the Philippines'
					// Department of Foreign Affairs" (detect12).
					gap |= gapPossess
					i++
					continue
				}
				if i > 0 && isWordByte(f[i-1]) && i+1 < len(f) && isWordByte(f[i+1]) {
					// A contraction ("won't", "we're") keeps its words
					// in one phrase.
					i += n
					continue
				}
				gap |= gapOther
			case ' ':
			default:
				gap |= gapOther
			}
			i += n
			continue
		}
		start := i
		for i < len(f) {
			if ok, n := d.wordRuneAt(i); ok {
				i += n
				continue
			}
			// A dot or hyphen between letters stays inside the word.
			if (f[i] == '.' || f[i] == '-') && i+1 < len(f) {
				if ok, _ := d.wordRuneAt(i + 1); ok {
					i++
					continue
				}
			}
			break
		}
		o0, o1 := d.offs[start], d.offs[i]
		up, all := upperWord(d.orig[o0:o1])
		d.toks = append(d.toks, token{start: int32(start), end: int32(i), gap: gap, upper: up, allUpper: all, inQuote: inQuote})
		gap = 0
	}
}

// upperWord says whether the word s starts with a capital, and whether it is
// all capitals. A name behind a short particle ("el-Sisi", "al-Sharaa")
// counts as capitalised.
func upperWord(s string) (first, all bool) {
	all = true
	for i, r := range s {
		if unicode.IsLetter(r) {
			u := unicode.IsUpper(r)
			if i == 0 || i <= 4 && s[i-1] == '-' {
				first = first || u
			}
			if !u {
				all = false
			}
		}
	}
	return first, all
}

func (d *doc) word(i int) []byte { t := d.toks[i]; return d.folded[t.start:t.end] }

// origSpan returns the original text from the start of token a to the end of
// token b-1.
func (d *doc) origSpan(a, b int) string {
	if a >= b {
		return ""
	}
	return d.orig[d.offs[d.toks[a].start]:d.offs[d.toks[b-1].end]]
}

// maxSentenceTokens caps a sentence. News sentences are far shorter; the cap
// keeps the per-sentence rules, which compare cues pairwise, linear in the
// length of text without punctuation (lists, tables, hostile input).
const maxSentenceTokens = 120

// sentence is a token range [a, b) and its original byte range.
type sentence struct {
	a, b   int
	o0, o1 int
}

// sentences splits the tokens. A boundary is a stop or a line break before a
// word that starts with a capital, a digit or a quote; stops inside a quote
// do not split, so a quotation that runs over several sentences stays with
// its attribution.
func (d *doc) sentences(out []sentence, sentenceStart func(word []byte) bool) []sentence {
	a := 0
	for i := 1; i < len(d.toks); i++ {
		t := d.toks[i]
		split := false
		switch {
		case t.gap&gapNewline != 0:
			split = true
		case t.gap&gapStop != 0 && !(t.inQuote && d.toks[i-1].inQuote):
			split = t.upper || t.gap&gapQuote != 0 || d.folded[t.start] <= '9'
		case t.gap&gapAbbrDot != 0 && t.upper && sentenceStart(d.word(i)) && !d.middleInitial(i-1):
			// "... troops to the U.S. The president said" ends a sentence.
			split = true
		}
		if split || i-a >= maxSentenceTokens {
			out = append(out, d.makeSentence(a, i))
			a = i
		}
	}
	if a < len(d.toks) {
		out = append(out, d.makeSentence(a, len(d.toks)))
	}
	return out
}

// middleInitial says whether token i is a single capital letter right after
// a capitalised word: the initial of "Donald J. Trump", "John F. Kennedy",
// after which a surname that also starts sentences does not start one.
func (d *doc) middleInitial(i int) bool {
	t := d.toks[i]
	return i > 0 && t.end-t.start == 1 && t.upper && t.gap == 0 && d.toks[i-1].upper
}

func (d *doc) makeSentence(a, b int) sentence {
	o0 := int(d.offs[d.toks[a].start])
	o1 := int(d.offs[d.toks[b-1].end])
	// Take leading opening quotes and trailing punctuation and closing quotes.
	for o0 > 0 {
		r, n := utf8.DecodeLastRuneInString(d.orig[:o0])
		if r == '"' || r == '\u201c' || r == '\u00ab' || r == '\u00bf' || r == '\u00a1' || r == '\u2018' {
			o0 -= n
			continue
		}
		break
	}
	for o1 < len(d.orig) {
		r, n := utf8.DecodeRuneInString(d.orig[o1:])
		if r == '.' || r == '!' || r == '?' || r == '"' || r == '\u201d' || r == '\u00bb' || r == '\u2019' || r == ')' || r == '\u2026' {
			o1 += n
			continue
		}
		break
	}
	return sentence{a: a, b: b, o0: o0, o1: o1}
}

// polityAdjective reports whether the sovereign adjective at token i
// qualifies a polity, a decision or a right, on either side (English puts
// the adjective first, Spanish mostly after), or follows a copula.
func polityAdjective(dc *doc, i int) bool {
	if i+1 < len(dc.toks) && dc.toks[i+1].gap&hardGap == 0 && polityNouns[string(dc.word(i+1))] {
		return true
	}
	if i == 0 || dc.toks[i].gap&hardGap != 0 {
		return false
	}
	prev := string(dc.word(i - 1))
	return predicators[prev] || (dc.lang != "en" && polityNouns[prev])
}
