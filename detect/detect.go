// Package detect finds statements about sovereignty and foreign intervention
// in news text: who said what, for which country, aimed at which. It is pure
// and deterministic (text in, statements out, no I/O) and explainable: every
// statement lists the words that triggered it.
//
// The detector is rule-based. Text is folded (lower case, no accents),
// split into sentences that keep multi-sentence quotations whole, and
// scanned once against a single table of phrases: the gazetteer of countries
// and people from package geo plus the cue lexicon in lexicon.go. Rules in
// rules.go then combine the cues of each sentence into statement types,
// pick the speaker and resolve pronouns and role phrases to people named
// earlier in the text.
package detect

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"sovwatch/geo"
	"sovwatch/news"
)

// Options configures a Detector.
type Options struct {
	// ExtraPeople are added to the built-in list of people who speak for
	// states (see geo/people.csv); an entry with a built-in name replaces it.
	ExtraPeople []geo.Person
	// RulesOnly leaves out the statistical scorer (model.go): only the
	// rules fire.
	RulesOnly bool
}

// Result is what Analyze returns: the language the text was read as and the
// statements found, in text order.
type Result struct {
	Language   string           `json:"language"`
	Statements []news.Statement `json:"statements"`
}

// Detector finds statements. It is immutable after New and safe for
// concurrent use.
type Detector struct {
	gaz      *geo.Gazetteer
	lex      map[string]*lexEntry
	first    map[string]uint8 // first word of a phrase -> most words of any phrase starting with it
	abbr     map[string]bool
	starters map[string]bool
	byRole   map[string][]*geo.Person // "MX/president" -> people
	// bySurname finds a person from a country and a folded surname
	// ("VE/gil"), when only one person of that country bears it.
	bySurname map[string]*geo.Person
	pool      sync.Pool
	model     *model // nil: rules only
	// collect, when set (training only), receives the features of every
	// sentence a state speaks.
	collect func(collected)
	// modelOnly (validation only) lets the model alone choose the types.
	modelOnly bool
}

// collected is what training learns from: the features of one sentence a
// state speaks, who speaks, and which types the rules fired.
type collected struct {
	names   []string
	speaker string
	actor   string
	fired   [4]bool
}

// builtinModel parses the embedded weights once per process.
var builtinModel = sync.OnceValues(func() (*model, error) { return parseModel(modelTSV) })

// lexEntry is everything one phrase means: cue categories and, when it is a
// name, what the gazetteer says about it.
type lexEntry struct {
	c      cat
	role   int
	topic  uint8 // bit 1<<type: a word that puts the sentence on that type's topic for the scorer
	geo    geo.Entry
	hasGeo bool
}

// New builds a detector from the built-in data and opts.
func New(opts Options) (*Detector, error) {
	g, err := geo.New(opts.ExtraPeople)
	if err != nil {
		return nil, fmt.Errorf("detect: %w", err)
	}
	d := &Detector{
		gaz:       g,
		lex:       make(map[string]*lexEntry, 8192),
		first:     make(map[string]uint8, 8192),
		abbr:      make(map[string]bool, len(abbreviations)),
		starters:  make(map[string]bool, len(sentenceStarters)),
		byRole:    make(map[string][]*geo.Person),
		bySurname: make(map[string]*geo.Person),
	}
	g.Names(func(k string, e geo.Entry) {
		le := d.entry(k)
		le.geo, le.hasGeo = e, true
	})
	for _, group := range lexicon {
		for _, phrase := range group.list {
			k := geo.Key(phrase)
			le := d.entry(k)
			le.c |= group.c
			le.role |= group.role
			if group.c&cTitle != 0 && femaleTitles[k] {
				le.role |= rFemale
			}
		}
	}
	for _, vc := range verbClasses {
		for _, lemma := range vc.en {
			for _, f := range enForms(lemma, vc.future) {
				d.entry(geo.Key(f)).c |= vc.c
			}
		}
		for _, lemma := range vc.es {
			for _, f := range esForms(lemma, vc.future) {
				d.entry(geo.Key(f)).c |= vc.c
			}
		}
	}
	// British spellings of the -ize words ("recognise", "authorised").
	for k, e := range d.lex {
		if strings.Contains(k, "iz") && !e.hasGeo {
			for _, z := range []string{"ize", "izi", "iza"} {
				if strings.Contains(k, z) && !strings.Contains(k, "utiliza") {
					d.entry(strings.ReplaceAll(k, z, "is"+z[2:])).c |= e.c
				}
			}
		}
	}
	// Intervention and aid nouns in the plural ("tutelas", "incursions",
	// "air defences").
	for _, group := range lexicon {
		if group.c&(cInterv|cAid) == 0 || group.c&cThreatVerb != 0 {
			continue
		}
		for _, n := range group.list {
			k := geo.Key(n)
			if len(k) < 5 || strings.HasSuffix(k, "s") {
				continue
			}
			pl := k + "s"
			switch k[len(k)-1] {
			case 'n', 'l', 'r', 'd', 'z':
				if strings.HasSuffix(k, "ion") && isSpanishWord(n) {
					pl = k + "es"
				}
			case 's', 'x':
				continue
			}
			if _, ok := d.lex[pl]; !ok {
				d.entry(pl).c |= group.c
			}
		}
	}
	for _, nc := range nounClasses {
		for _, n := range nc.list {
			d.entry(geo.Key(n)).c |= nc.c
		}
	}
	for t, list := range topicWords {
		for _, n := range list {
			d.entry(geo.Key(n)).topic |= 1 << t
		}
	}
	for _, a := range abbreviations {
		d.abbr[a] = true
	}
	for _, s := range sentenceStarters {
		d.starters[geo.Key(s)] = true
	}
	shared := map[string]bool{}
	for _, p := range g.People() {
		if p.Country != "" {
			k := p.Country + "/" + p.Role
			d.byRole[k] = append(d.byRole[k], p)
			name := geo.Key(p.Name)
			sk := p.Country + "/" + name[strings.LastIndexByte(name, ' ')+1:]
			if _, dup := d.bySurname[sk]; dup {
				shared[sk] = true
			}
			d.bySurname[sk] = p
		}
	}
	for sk := range shared {
		delete(d.bySurname, sk)
	}
	d.pool.New = func() any { return new(doc) }
	if !opts.RulesOnly {
		if d.model, err = builtinModel(); err != nil {
			return nil, fmt.Errorf("detect: %w", err)
		}
	}
	return d, nil
}

// femaleTitles are the feminine forms of Spanish titles; "la presidenta"
// resolves only to a woman.
var femaleTitles = map[string]bool{"presidenta": true, "mandataria": true, "primera ministra": true, "ministra": true,
	"secretaria": true, "vocera": true, "senadora": true, "diputada": true, "embajadora": true, "vicepresidenta": true,
	"reina": true, "queen": true, "spokeswoman": true, "congresswoman": true, "legisladora": true,
	"ministra de defensa": true, "ministra de exteriores": true, "ministra de relaciones exteriores": true,
	"ministra de asuntos exteriores": true, "foreign ministry spokeswoman": true}

func (d *Detector) entry(k string) *lexEntry {
	if e, ok := d.lex[k]; ok {
		return e
	}
	e := &lexEntry{}
	d.lex[k] = e
	w := k
	if i := strings.IndexByte(k, ' '); i >= 0 {
		w = k[:i]
	}
	if n := uint8(strings.Count(k, " ") + 1); n > d.first[w] {
		d.first[w] = n
	}
	return e
}

// match is one phrase found in the text: tokens [a, b).
type match struct {
	a, b int
	e    *lexEntry
	c    cat // e.c, or a stem's category when e is nil
}

// Analyze finds the statements in text. langHint is an ISO 639-1 code when
// the source states the language, or "" to detect it. Analyze never fails:
// text it cannot read yields no statements.
func (d *Detector) Analyze(text, langHint string) Result {
	dc := d.pool.Get().(*doc)
	defer d.pool.Put(dc)
	dc.reset(text)
	dc.fold()
	dc.tokenize(func(w []byte) bool { return d.abbr[string(w)] })
	res := Result{Language: normalizeLang(langHint)}
	if res.Language == "" {
		res.Language = identify(dc)
	}
	dc.lang = res.Language
	if len(dc.toks) == 0 {
		res.Statements = []news.Statement{}
		return res
	}
	d.findMatches(dc)
	dc.sents = dc.sentences(dc.sents[:0], func(w []byte) bool { return d.starters[string(w)] })
	st := &dc.st
	ms := dc.ms
	j := 0
	for si, s := range dc.sents {
		k := j
		for k < len(ms) && ms[k].a < s.b {
			k++
		}
		st.sent = si
		res.Statements = d.analyzeSentence(dc, s, ms[j:k], st, res.Statements)
		for len(st.from) < len(res.Statements) {
			st.from = append(st.from, stmtFrom{sent: si, kind: st.spKind})
		}
		j = k
	}
	if res.Statements == nil {
		res.Statements = []news.Statement{}
	}
	nameCountrySpeakers(res.Statements, st)
	res.Statements = d.dropEchoes(res.Statements, st.from)
	return res
}

// nameCountrySpeakers gives a statement whose speaker is a bare country or
// capital the person or body of that country the next sentence attributes
// ("Rusia amenazó con ... Así lo declaró el viceministro ... Riabkov", "Ecuador
// ofreció ... El presidente Daniel Noboa dijo"): a lead names the state, the
// sentence after it says who spoke for it. Failing that, the sentence before
// ("..., the top government spokesman said. Tokyo regarded ...").
func nameCountrySpeakers(sts []news.Statement, st *passageState) {
	for i := range sts {
		if sts[i].Actor == "" || st.from[i].kind != mCountry {
			continue
		}
		si := st.from[i].sent
		if n := st.namedIn(si+1, sts[i].Actor); n != nil {
			sts[i].Speaker = n.name
		} else if n := st.namedIn(si-1, sts[i].Actor); n != nil {
			sts[i].Speaker = n.name
		}
	}
}

// dropEchoes removes a statement that repeats, in a vaguer voice, one the
// text also attributes more precisely: the same type and actor, spoken by a
// bare country or capital ("India on Wednesday rejected ...",
// "Ouagadougou") when a person or body of that country speaks too, or by a
// government body ("Mexico's government said", "la Secretaría de Relaciones
// Exteriores") when a person of that country speaks within two sentences of
// it ("President Claudia Sheinbaum said"). A lead and the official's words
// are one statement, and the labels count it once. Legislatures vote and
// resolve on their own, so their statements are kept. Speakers are looked
// up only for statements that share type and actor with another, and once
// each.
func (d *Detector) dropEchoes(sts []news.Statement, from []stmtFrom) []news.Statement {
	const looked, metonym, dropped = 1, 2, 4
	var buf [32]uint8
	flags := buf[:0]
	if len(sts) > len(buf) {
		flags = make([]uint8, 0, len(sts))
	}
	flags = flags[:len(sts)]
	isMetonym := func(i int) bool {
		if flags[i]&looked == 0 {
			flags[i] |= looked
			if d.metonym(sts[i].Speaker) {
				flags[i] |= metonym
			}
		}
		return flags[i]&metonym != 0
	}
	isPerson := func(i int) bool { k := from[i].kind; return k == mPerson || k == mTitle || k == mPronoun }
	for i := range sts {
		for j := range sts {
			if j == i || sts[i].Actor == "" || sts[j].Type != sts[i].Type || sts[j].Actor != sts[i].Actor {
				continue
			}
			if isMetonym(i) && !isMetonym(j) ||
				from[i].kind == mBody && isPerson(j) && max(from[i].sent-from[j].sent, from[j].sent-from[i].sent) <= 2 && !legislature(sts[i].Speaker) {
				flags[i] |= dropped
				break
			}
		}
	}
	out := sts[:0]
	for i := range sts {
		if flags[i]&dropped == 0 {
			out = append(out, sts[i])
		}
	}
	return out
}

// legislature reports whether a body speaker is a chamber of lawmakers.
func legislature(name string) bool {
	for _, w := range strings.Fields(geo.Key(name)) {
		switch w {
		case "congress", "congreso", "senate", "senado", "parliament", "parlamento", "assembly", "asamblea", "camara",
			"chamber", "commons", "lords", "diputados", "representatives", "representantes", "inatsisartut", "knesset",
			"duma", "majlis":
			return true
		}
	}
	return false
}

// metonym reports whether a speaker is named by a country or capital alone.
func (d *Detector) metonym(name string) bool {
	e, ok := d.lex[geo.Key(name)]
	return ok && e.hasGeo && (e.geo.Kind == geo.KindCountry || e.geo.Kind == geo.KindCapital)
}

// hardGap is what a phrase may not span.
const hardGap = gapStop | gapNewline | gapQuote | gapOther | gapPossess

// findMatches scans the tokens once, taking at each position the longest
// phrase of the table that starts there.
func (d *Detector) findMatches(dc *doc) {
	toks := dc.toks
	for i := 0; i < len(toks); {
		w := dc.word(i)
		maxN := int(d.first[string(w)])
		best, bestN := (*lexEntry)(nil), 0
		if maxN > 0 {
			dc.key = append(dc.key[:0], w...)
			for n := 1; ; n++ {
				if e, ok := d.lex[string(dc.key)]; ok && d.accept(dc, i, n, e) {
					best, bestN = e, n
				}
				j := i + n
				if n >= maxN || j >= len(toks) || toks[j].gap&hardGap != 0 {
					break
				}
				dc.key = append(dc.key, ' ')
				dc.key = append(dc.key, dc.word(j)...)
			}
		}
		if best != nil {
			c := best.c
			if bestN == 1 && c&cSov != 0 && sovereignAdj[string(w)] && !polityAdjective(dc, i) {
				// "sovereign AI models", "inteligencia artificial
				// soberana": the adjective of a thing, not of a state.
				c &^= cSov
			}
			dc.ms = append(dc.ms, match{a: i, b: i + bestN, e: best, c: c})
			i += bestN
			continue
		}
		if len(w) >= 5 {
			for _, s := range stems {
				if bytes.HasPrefix(w, []byte(s.stem)) {
					dc.ms = append(dc.ms, match{a: i, b: i + 1, c: s.c})
					break
				}
			}
		}
		i++
	}
}

// accept checks what the key alone cannot: "US" must be written in capitals
// to be the country, and a person's bare surname must be capitalised.
func (d *Detector) accept(dc *doc, i, n int, e *lexEntry) bool {
	if !e.hasGeo || e.c != 0 {
		return true
	}
	if e.geo.Exact != "" {
		return dc.toks[i].allUpper
	}
	if e.geo.Kind == geo.KindPerson || e.geo.Kind == geo.KindCountry || e.geo.Kind == geo.KindCapital {
		// Names are capitalised; "maduro" in "un acuerdo maduro" is not Maduro.
		return dc.toks[i].upper || dc.toks[i+n-1].upper || e.geo.AlsoDemonym
	}
	return true
}

func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > 2 {
		s = s[:2]
	}
	return s
}

// isSpanishWord guesses from accents whether a lexicon entry is Spanish:
// "intervención" takes "-es" in the plural, "intervention" "-s".
func isSpanishWord(s string) bool {
	return strings.ContainsAny(s, "áéíóúñ")
}
