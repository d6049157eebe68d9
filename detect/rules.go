package detect

import (
	"bytes"
	"strings"

	"sovwatch/geo"
	"sovwatch/news"
)

// personRef is someone named in the passage so far, for pronouns and role
// phrases to resolve to.
type personRef struct {
	name   string
	code   string
	role   int
	gender byte
}

// maxPeople bounds the people remembered for pronouns and role phrases.
const maxPeople = 64

// passageState carries what later sentences need from earlier ones.
type passageState struct {
	people      []personRef // in order of mention
	lastSpeaker *speaker
	actors      [8]actorCount // the first few actors of the passage and how often each spoke
	sent        int           // index of the sentence being analysed
	named       []namedRef    // the person or body each sentence attributes, in order
	from        []stmtFrom    // where each statement came from, by statement index
	spKind      int           // the mention kind of the current sentence's speaker, 0 when none
	// the other state the last sentence with targets named, the actor who
	// spoke there and its index (detect12: "«Responderemos con todos los
	// medios», dijo" after "advirtió a Chisináu").
	prevTarget, prevActor string
	prevTargetSent        int
}

// stmtFrom is the sentence a statement came from and the kind of mention
// that named its speaker (mCountry for a bare country or capital).
type stmtFrom struct {
	sent int
	kind int
}

// namedRef is a person, body or title a sentence names as its speaker.
type namedRef struct {
	sent int
	name string
	code string
}

type actorCount struct {
	code string
	n    int
}

// subjectPerson returns the person of the country at ments[c] who is the
// subject earlier in the sentence, else c: in "El primer ministro Anthony
// Albanese firmó ... un pacto por el que Australia defenderá a Papúa Nueva
// Guinea" the country acts in a clause the person's verb governs.
func subjectPerson(ments []mention, c int) int {
	for k := range ments {
		if ments[k].a < ments[c].a && ments[k].kind == mPerson && !ments[k].object && ments[k].sp.code == ments[c].sp.code {
			return k
		}
	}
	return c
}

// namedIn returns the person or body of country code that sentence sent
// attributes, or nil.
func (st *passageState) namedIn(sent int, code string) *namedRef {
	for i := range st.named {
		if st.named[i].sent == sent && st.named[i].code == code {
			return &st.named[i]
		}
	}
	return nil
}

func (st *passageState) countActor(code string) {
	for i := range st.actors {
		if st.actors[i].code == code || st.actors[i].code == "" {
			st.actors[i].code = code
			st.actors[i].n++
			return
		}
	}
}

// mainActor is the country that has spoken most in the passage so far; a
// body named without a country ("el Congreso", "the ministry") is taken to be
// its.
func (st *passageState) mainActor() string {
	best := actorCount{}
	for _, a := range st.actors {
		if a.n > best.n {
			best = a
		}
	}
	return best.code
}

type speaker struct {
	name   string
	code   string
	gender byte
	role   int
}

// mention kinds, in increasing order of how good a speaker they make.
const (
	mCountry = iota + 1
	mNonState
	mTitle
	mBody
	mPronoun
	mPerson
)

type mention struct {
	a, b   int
	kind   int
	sp     speaker
	female bool
	male   bool
	role   int
	object bool // a preposition or a possessive makes it an object
	neuter bool // "it", "they": a body or a country, not a person
	// qualified titles name their own body ("el presidente de la Mesa
	// Directiva") and so are not the president named earlier.
	qualified bool
}

var roleBits = map[string]int{
	geo.RolePresident: rPresident | rHead, geo.RolePrime: rPrime | rHead, geo.RoleForeign: rForeign | rMinister,
	geo.RoleDefence: rDefence | rMinister, geo.RoleSecurity: rSecurity | rMinister, geo.RoleMinister: rMinister,
	geo.RoleSpokesman: rSpokes, geo.RoleLegislator: rLegis, geo.RoleVice: rVice, geo.RoleDiplomat: rDiplomat,
	geo.RoleMonarch: rMonarch | rHead, geo.RoleMilitary: rDefence, geo.RoleOfficial: rMinister,
}

func personSpeaker(p *geo.Person) speaker {
	var g byte
	if p.Gender != "" {
		g = p.Gender[0]
	}
	return speaker{name: p.Name, code: p.Country, gender: g, role: roleBits[p.Role]}
}

// typeCues collects, per statement type, the matches that fired it.
type typeCues struct {
	fired  [4]bool
	cues   [4][]int // indexes into the sentence's matches
	strong [4]bool
	// sure marks a type fired by a copula that makes a place, or the
	// country itself, the speaker's own ("Kosovo es Serbia", "Mexico is
	// free, independent and sovereign"): the scorer does not veto it.
	sure [4]bool
}

const (
	iAssert = iota
	iReject
	iThreat
	iOffer
)

var typeOf = [4]news.StatementType{news.SovereigntyAssertion, news.InterventionRejection, news.InterventionThreat, news.AssistanceOffer}

// within reports whether some match of category c starts in tokens [lo, hi).
func within(ms []match, c cat, lo, hi int) bool {
	for i := range ms {
		if ms[i].c&c != 0 && ms[i].a >= lo && ms[i].a < hi {
			return true
		}
	}
	return false
}

// scoped reports whether match at index i lies in the scope of an earlier
// match of category c: at most window tokens before it, with no clause break
// (but, pero, a semicolon) in between.
func scoped(dc *doc, ms []match, i int, c cat, window int) (bool, int) {
	for k := i - 1; k >= 0; k-- {
		if ms[i].a-ms[k].b > window {
			return false, -1
		}
		if ms[k].c&cBreak != 0 {
			return false, -1
		}
		if ms[k].c&c != 0 {
			return true, k
		}
		if ms[k].c&cSpeech != 0 && dc.toks[ms[k].a].gap&gapComma != 0 {
			// ", adding that ...": a new reported clause.
			return false, -1
		}
	}
	return false, -1
}

// classify decides the statement types of one sentence from its cues.
func classify(dc *doc, ms []match) typeCues {
	var tc typeCues
	for t := range tc.cues {
		tc.cues[t] = dc.cues[t][:0]
	}
	defer func() {
		// Keep the grown buffers for the next sentence.
		for t := range tc.cues {
			dc.cues[t] = tc.cues[t][:0]
		}
	}()
	attackedSovereignty(dc, ms)
	has := sentenceCats(ms)
	if has&cSuppress != 0 {
		return tc
	}
	add := func(t, i int) { tc.fired[t] = true; tc.cues[t] = append(tc.cues[t], i) }
	for i := range ms {
		if ms[i].c&cReject != 0 && ms[i].c&cRejectPhrase == 0 {
			// "if Denmark refused to sell it": a rejection inside a
			// condition is someone else's hypothetical act.
			if ok, _ := scoped(dc, ms, i, cCond, 3); ok {
				ms[i].c &^= cReject
			}
		}
	}
	for i := range ms {
		if ms[i].e != nil && ms[i].e.role&rColony != 0 && !foreignAct(dc, ms, i) {
			// "Venezuela jamás será colonia de nadie", "would never
			// recognise occupied land as Russian": an assertion; with
			// no foreign act named there is no intervention to reject.
			ms[i].c &^= cReject | cRejectPhrase
			ms[i].c |= cSovAssert
		}
	}
	for i := range ms {
		m := &ms[i]
		c := m.c
		if c&(cAid|cMilNoun) != 0 && (within(ms, cForeign, m.a-1, m.a) || within(ms, cForeign, m.b, m.b+1)) {
			// "foreign soldiers", "militares extranjeros"
			c |= cInterv
		}
		if c&cSovAssert != 0 {
			add(iAssert, i)
			tc.strong[iAssert] = true
		} else if c&cSov != 0 {
			v, _ := scoped(dc, ms, i, cViolation, 8)
			deny, _ := scoped(dc, ms, i, cDenySov, 4)
			if !v && !deny {
				add(iAssert, i)
			}
		}
		if c&cRejectPhrase != 0 {
			add(iReject, i)
			tc.strong[iReject] = true
		}
		if c&(cInterv|cClaim|cDictate) != 0 || (c&cIntervWeak != 0 && weakCounts(ms, i)) {
			if ok, k := scoped(dc, ms, i, cReject, 12); ok {
				add(iReject, k)
				add(iReject, i)
			} else if k := following(dc, ms, i, cReject, 8); k >= 0 {
				// "any pressure from allies was unacceptable"
				add(iReject, k)
				add(iReject, i)
			} else if ok, k := scoped(dc, ms, i, cAgainst, 4); ok && c&cClaim == 0 && has&(cSov|cSovAssert|cDefend) != 0 {
				// "defend its sovereignty against any invasion"
				add(iReject, k)
				add(iReject, i)
			}
		}
		nounThreat := c&cThreatVerb != 0 && nounLike(dc, m) && !within(ms, cModal, m.a-2, m.a)
		if c&(cInterv|cAid|cMilNoun|cMilAction) != 0 && (c&cThreatVerb == 0 || nounThreat) {
			if ok, k := scoped(dc, ms, i, cPermit, 6); ok && (!nounThreat || within(ms, cOtherState|cForeign|cForeignMod, m.b, m.b+4)) {
				// A military act of another state ("ninguna acción militar
				// de otro país") not permitted is refused, noun or not.
				// "descartó que vaya a permitir drones militares",
				// "would never be allowed to set up permanent bases",
				// "no autorizará acciones militares de terceros países"
				if neg, n := scoped(dc, ms, k, cNeg|cReject|cNegator, 6); neg && !deniedThat(dc, &ms[n]) {
					add(iReject, n)
					add(iReject, i)
				}
			} else if ok, k := scoped(dc, ms, i, cWarn, 6); ok && c&cInterv != 0 && (c&cForeign != 0 || within(ms, cForeignMod, ms[k].b, ms[i].a) ||
				within(ms, cForeign, m.b, m.b+1)) {
				// "advirtió que cualquier agresión contra Venezuela ..."
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&cInterv != 0 && c&cThreatVerb == 0 {
			// "calificó de agresión", "called it interference"
			if ok, k := scoped(dc, ms, i, cCall, 2); ok && (ms[k].c&cPlan == 0 || hasAs(dc, ms[k].b, m.a)) {
				add(iReject, k)
				add(iReject, i)
			} else if ok, k := scoped(dc, ms, i, cCall, 16); ok && (hasAs(dc, ms[k].b, m.a) || ms[k].c&cPlan == 0 && articleNear(dc, m.a)) {
				// "would view the deployment ... as a direct threat",
				// "calificó el despliegue naval de amenaza"
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&cForeign != 0 && c&cInterv == 0 {
			// "rejects any attempt by foreign actors", "repudia la
			// tutela extranjera": rejecting anything foreign.
			if ok, k := scoped(dc, ms, i, cReject, 8); ok {
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&(cSpace|cTerritory) != 0 {
			// "defend every inch of national territory against any
			// aggression"; defending it is routine without a threat.
			if ok, k := scoped(dc, ms, i, cDefend, 5); ok && has&(cInterv|cForeign) != 0 {
				add(iAssert, k)
				add(iAssert, i)
			}
		}
		if c&cInterv != 0 || c&cIntervWeak != 0 && weakCounts(ms, i) {
			// "would defend their homeland if the country were invaded",
			// "warned Japan ... if it dared to intervene militarily".
			if ok, k := scoped(dc, ms, i, cCond, 5); ok && has&(cWarn|cDefend|cReject) != 0 && !tc.fired[iReject] {
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&cSpace != 0 {
			// "violated Venezuelan airspace", "violación de sus aguas";
			// "negó que sus aviones hubieran violado el espacio aéreo" is
			// a denial, not a protest.
			if ok, k := scoped(dc, ms, i, cViolation, 6); ok && !within(ms, cNeg, ms[k].a-6, ms[k].a) {
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&cPlan != 0 {
			// "should consider strikes on", "drew up plans to hit":
			// like a bare threat verb, it counts once a target is known.
			if neg, _ := scoped(dc, ms, i, cNeg|cNegator|cSubord|cReject, 6); !neg {
				for k := i + 1; k < len(ms) && ms[k].a-m.b <= 4; k++ {
					if ms[k].c&(cMilAction|cThreatVerb) != 0 {
						tc.cues[iThreat] = append(tc.cues[iThreat], i, k)
						break
					}
				}
			}
		}
		if c&cSov != 0 {
			if ok, k := scoped(dc, ms, i, cViolation, 8); ok {
				add(iReject, k)
				add(iReject, i)
			}
		}
		if c&(cThreat|cThreatVerb|cNotRuleOut) != 0 && c&cSovAssert == 0 {
			neg, _ := scoped(dc, ms, i, cNeg|cSubord, 10)
			if n, _ := scoped(dc, ms, i, cNegator, 1); n && c&cNotRuleOut == 0 {
				// "would not intervene"
				neg = true
			}
			rej, rk := scoped(dc, ms, i, cReject|cRejectPhrase, 12)
			nro, k := scoped(dc, ms, i, cNotRuleOut, 8)
			switch {
			case c&cNotRuleOut != 0:
				// The act follows "did not rule out" and comes before a
				// passive "no está descartada", "is not ruled out".
				reach := notRuledOutReach(dc, m)
				if within(ms, cThreat|cThreatVerb|cInterv|cIntervWeak|cAid|cThreat, m.b, m.b+reach) ||
					reach > 10 && within(ms, cThreatVerb|cInterv|cIntervWeak|cMilAction, m.a-reach, m.a) ||
					m.e != nil && m.e.role&rPassive != 0 && within(ms, cThreatVerb|cInterv|cMilAction, m.a-16, m.a) {
					add(iThreat, i)
					tc.strong[iThreat] = true
				}
			case nro:
				add(iThreat, k)
				add(iThreat, i)
			case rej && !neg && c&cThreat != 0 && ms[rk].c&cReject != 0 && !evaluative(dc.word(ms[rk].a)):
				// "dismissing talk from the White House of making the
				// country a 51st state": the threat quoted is the one
				// rejected, and rejecting it rejects the intervention.
				add(iReject, rk)
				add(iReject, i)
			case neg || rej:
			case c&cThreat != 0 && m.e != nil && m.e.role&rAnswer != 0 && within(ms, cReject|cViolation, 0, len(dc.toks)):
				// "condemned the strikes as a violation ..., who said Iran
				// reserved the right to respond": the protest is the
				// statement; the reserved answer makes no threat of it.
			case c&cThreat != 0:
				add(iThreat, i)
				tc.strong[iThreat] = true
			case c&cThreatVerb != 0 && m.e != nil && m.e.role&rCondOnly != 0 && !within(ms, cCond, 0, len(dc.toks)):
				// "we will act" with no condition in the sentence.
			case c&cThreatVerb != 0 && m.e != nil && m.e.role&rReady != 0 && within(ms, cHelp|cCivil|cOffer|cAid, 0, len(dc.toks)):
				// "the military stands ready to help after the hurricane".
			case c&cThreatVerb != 0 && nounLike(dc, m) && threatenedWith(dc, ms, i):
				// "amenazó a Seúl con una respuesta militar", "threatened
				// Manila with strikes": the noun is what is threatened.
				add(iThreat, i)
				tc.strong[iThreat] = true
			case c&cThreatVerb != 0 && nounLike(dc, m) && !within(ms, cModal, m.a-2, m.a):
				// "the strikes", "los bombardeos": a noun, not a threat.
			case c&cThreatVerb != 0:
				// A bare threat verb ("strike", "invade") counts once a
				// target is known; see the check in analyzeSentence.
				tc.cues[iThreat] = append(tc.cues[iThreat], i)
			}
		}
		if c&cReject != 0 && m.e != nil && m.e.role&rTarget != 0 && within(ms, cModal, m.a-3, m.a) {
			// "would become legitimate targets for the Russian armed
			// forces": the rejected forces are announced as targets.
			add(iThreat, i)
			tc.strong[iThreat] = true
		}
		if c&cAid != 0 {
			if ok, k := scoped(dc, ms, i, cOffer, 12); ok && offerCounts(dc, ms, k) {
				neg, _ := scoped(dc, ms, i, cNeg|cSubord, 10)
				negOffer, _ := scoped(dc, ms, k, cNeg, 10)
				neg = neg || negOffer
				rej, _ := scoped(dc, ms, i, cReject, 12)
				// "condemns the continued supply of weapons by the UAE to
				// the RSF": a condemned supply is someone else's.
				rejOffer, _ := scoped(dc, ms, k, cReject, 4)
				if sub, _ := scoped(dc, ms, k, cSubord, 10); !neg && !rej && !rejOffer && !sub {
					add(iOffer, k)
					add(iOffer, i)
				}
			}
		}
	}
	return tc
}

// foreignAct reports whether the sentence of a colony or recognition
// phrase at i names a foreign act besides it: an annexation, pressure,
// orders, a violation ("nunca reconocerá la anexión de sus regiones
// ocupadas por Rusia", "no aceptará órdenes de Washington"). The occupied
// land itself ("occupied land", "territorios ocupados") and the colony
// are what the phrase is about, not an act.
func foreignAct(dc *doc, ms []match, i int) bool {
	for j := range ms {
		if j == i || ms[j].e != nil && ms[j].e.role&rColony != 0 {
			continue
		}
		c := ms[j].c
		if c&(cReject|cRejectPhrase) != 0 {
			// "y que no aceptará órdenes de Washington"
			return true
		}
		if c&(cInterv|cDictate|cViolation) == 0 && (c&cIntervWeak == 0 || !weakCounts(ms, j)) {
			continue
		}
		if c&(cInterv|cDictate|cViolation) != 0 && ms[j].b-ms[j].a <= 2 {
			w := dc.word(ms[j].a)
			if ms[j].b-ms[j].a == 2 {
				w = dc.word(ms[j].b - 1)
			}
			if bytes.HasPrefix(w, []byte("occupied")) || bytes.HasPrefix(w, []byte("ocupad")) ||
				bytes.HasPrefix(w, []byte("colon")) || bytes.HasPrefix(w, []byte("territor")) {
				continue
			}
		}
		return true
	}
	return false
}

// notRuledOutReach is how far after "did not rule out" its act may stand:
// ten words, or the whole sentence when nothing is ruled out ("«No
// descartamos nada», dijo Vance cuando se le preguntó si Estados Unidos
// podría atacar"): the act is then the one the sentence asks about.
func notRuledOutReach(dc *doc, m *match) int {
	if m.b < len(dc.toks) && dc.toks[m.b].gap&hardGap == 0 {
		switch string(dc.word(m.b)) {
		case "anything", "nothing", "nada", "any", "ninguna", "ningun":
			return 40
		}
	}
	return 10
}

// hasThat reports whether "that" or "que" stands in tokens [a, b): after
// "said that" comes the reported clause, not the speaker.
func hasThat(dc *doc, a, b int) bool {
	for t := a; t < b; t++ {
		if w := string(dc.word(t)); w == "that" || w == "que" {
			return true
		}
	}
	return false
}

// gapBetween reports whether a comma or stronger punctuation separates
// token a-1 from token b.
func gapBetween(dc *doc, a, b int) bool {
	for t := a; t <= b && t < len(dc.toks); t++ {
		if dc.toks[t].gap&(gapComma|hardGap) != 0 {
			return true
		}
	}
	return false
}

// militaryAid reports whether a sentence names explicitly military help.
func militaryAid(dc *doc, ms []match) bool {
	for i := range ms {
		if ms[i].c&cMilNoun != 0 {
			switch string(dc.word(ms[i].a)) {
			case "navy", "marina", "armada":
				// Navy ships carrying food are not military help.
				continue
			}
			return true
		}
		for t := ms[i].a; t < ms[i].b; t++ {
			if bytes.Contains(dc.word(t), []byte("milit")) {
				return true
			}
		}
	}
	return false
}

// nounLike reports whether a threat word can as well be a noun ("strikes",
// "attack") and so needs a modal before it to be a threat.
func nounLike(dc *doc, m *match) bool {
	if m.b-m.a != 1 {
		return false
	}
	switch string(dc.word(m.a)) {
	case "strike", "strikes", "attack", "attacks", "hit", "bomb", "ataques", "ataque", "invasion", "raid", "raids",
		"bombing", "incursion":
		return true
	}
	return false
}

// following returns the index of the first match of category c that starts
// at most window tokens after ms[i] with no clause break before it, or -1.
func following(dc *doc, ms []match, i int, c cat, window int) int {
	for k := i + 1; k < len(ms) && ms[k].a-ms[i].b <= window; k++ {
		if ms[k].c&c != 0 && dc.toks[ms[k].a].gap&gapComma == 0 && ms[k].c&cSpeech == 0 {
			return k
		}
		if ms[k].c&(cBreak|cSpeech) != 0 || dc.toks[ms[k].a].gap&gapComma != 0 {
			return -1
		}
		if ms[k].c&c != 0 {
			return k
		}
	}
	return -1
}

// weakCounts says whether a bare "intervention" is about a state: it needs a
// foreign or military modifier, or a country, next to it.
func weakCounts(ms []match, i int) bool {
	a, b := ms[i].a, ms[i].b
	for k := range ms {
		m := &ms[k]
		near := (m.b <= a && a-m.b <= 2) || (m.a >= b && m.a-b <= 3)
		if !near {
			continue
		}
		if m.c&(cForeignMod|cInterv) != 0 {
			return true
		}
		if m.e != nil && m.e.hasGeo && m.e.geo.Code != "" && m.e.geo.Kind != geo.KindPerson {
			return true
		}
	}
	return false
}

// offerCounts rejects offers that are conditions on someone else ("if NATO
// sends troops") or requests ("asked allies to send").
func offerCounts(dc *doc, ms []match, k int) bool {
	for j := k - 1; j >= 0 && ms[k].a-ms[j].b <= 4; j-- {
		if ms[j].c&(cCond|cRequest) != 0 {
			return false
		}
	}
	for j := range ms {
		if ms[j].c&cRequest != 0 && j < k {
			return false
		}
	}
	return true
}

// analyzeSentence classifies one sentence, finds its speaker and appends its
// statements to out.
func (d *Detector) analyzeSentence(dc *doc, s sentence, ms []match, st *passageState, out []news.Statement) []news.Statement {
	unrequest(dc, ms)
	tc := classify(dc, ms)
	ments := d.mentions(dc, s, ms, st)
	sp, spIdx, ok := d.pickSpeaker(dc, s, ms, ments, st)
	if ok && spIdx >= 0 && ments[spIdx].kind == mCountry {
		spIdx = subjectPerson(ments, spIdx)
		sp = ments[spIdx].sp
	}
	// Remember everyone named, for pronouns in later sentences.
	for i := range ments {
		if ments[i].kind == mPerson {
			if len(st.people) >= maxPeople {
				// Keep the most recent; pronouns reach back a few sentences.
				copy(st.people, st.people[len(st.people)-maxPeople/2:])
				st.people = st.people[:maxPeople/2]
			}
			st.people = append(st.people, personRef{name: ments[i].sp.name, code: ments[i].sp.code, role: ments[i].sp.role, gender: ments[i].sp.gender})
		}
	}
	st.spKind = 0
	if ok && spIdx >= 0 {
		st.spKind = ments[spIdx].kind
	}
	if ok {
		spc := sp
		st.lastSpeaker = &spc
		if sp.code != "" {
			st.countActor(sp.code)
		}
		if spIdx >= 0 && ments[spIdx].kind >= mTitle && sp.code != "" {
			st.named = append(st.named, namedRef{sent: st.sent, name: sp.name, code: sp.code})
		}
	}
	any := false
	has := sentenceCats(ms)
	for t := range tc.fired {
		any = any || tc.fired[t]
	}
	const compositeCats = cNegator | cDecide | cBelong | cDispatch | cTerritory | cEval | cStop | cNegotiate | cCopula | cAcquire |
		cReject | cDemand
	rulesOn := any || len(tc.cues[iThreat]) > 0 || has&compositeCats != 0 ||
		selfHelp(dc, ms, s) >= 0 || has&cWarn != 0 && responseWillBe(dc, ms) >= 0 || has&cPermit != 0 && authorisedForce(dc, ms, sp.code) >= 0
	if !ok || has&cSuppress != 0 || !rulesOn && (d.model == nil && d.collect == nil || sp.code == "") {
		return out
	}
	actor := sp.code
	// Targets: every other country named in the sentence.
	var targets []string
	for i := range ms {
		m := &ms[i]
		if m.e == nil || !m.e.hasGeo || m.e.geo.Code == "" {
			continue
		}
		if spIdx >= 0 && m.a >= ments[spIdx].a && m.b <= ments[spIdx].b {
			continue
		}
		code := m.e.geo.Code
		if code == actor || contains(targets, code) {
			continue
		}
		targets = append(targets, code)
	}
	// The speaker's own country named outside the speaker's mention
	// ("Cuba answers to its own people", "Crimea is Ukraine", "ningún
	// otro país tendrá el control del canal de Panamá") is a feature of
	// the scorer: an assertion is about the speaker's own state. It does
	// not open the scorer's gate: out of fold that cost more precision
	// than it found.
	if len(targets) > 0 && actor != "" {
		st.prevTarget, st.prevActor, st.prevTargetSent = targets[0], actor, st.sent
	}
	own := false
	for i := range ms {
		if e := ms[i].e; e != nil && e.hasGeo && e.geo.Code == actor && e.geo.Kind != geo.KindPerson &&
			(spIdx < 0 || ms[i].a < ments[spIdx].a || ms[i].b > ments[spIdx].b) {
			own = true
		}
	}
	if rulesOn {
		composite(dc, ms, &tc, actor, targets)
		if k := continuedAction(dc, ms); k >= 0 && !tc.fired[iThreat] && has&(cNeg|cNegator|cCond|cPeaceful|cRequest|cReject) == 0 {
			// "the strikes would continue until the poison stops", "los
			// bombardeos continuarán": the speaker's military action
			// announced to go on threatens (detect12).
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], k)
		}
		if k := ownHands(dc, ms, actor); k >= 0 {
			// "it stays in Panamanian hands", "en manos panameñas": the
			// speaker's own people hold it (detect12).
			tc.fired[iAssert] = true
			tc.cues[iAssert] = append(tc.cues[iAssert], k)
		}
		if !tc.fired[iAssert] && actor != "" {
			// "which he called China's territory", "parte del territorio de China"
			for i := range ms {
				if ms[i].c&cTerritory == 0 {
					continue
				}
				// "son y serán territorio árabe sirio": one word may
				// stand between after a copula (detect12).
				if i > 0 && ms[i-1].b == ms[i].a && dc.toks[ms[i].a].gap&gapPossess != 0 && isCountry(ms[i-1], actor) ||
					i+1 < len(ms) && isCountry(ms[i+1], actor) && (ms[i+1].a == ms[i].b ||
						ms[i+1].a-ms[i].b == 1 && i > 0 && ms[i-1].c&cCopula != 0 && ms[i].a-ms[i-1].b <= 1 && !futureCopula(dc, &ms[i-1])) {
					tc.fired[iAssert] = true
					tc.cues[iAssert] = append(tc.cues[iAssert], i)
				}
			}
		}
		if !tc.fired[iOffer] && len(targets) > 0 && has&(cNeg|cRequest|cCond) == 0 {
			// "ready to help Cuba defend itself": help to defend a state is
			// security assistance even with no equipment named.
			for i := range ms {
				span := dc.folded[dc.toks[ms[i].a].start:dc.toks[ms[i].b-1].end]
				isHelp := ms[i].c&cHelp != 0 || bytes.Contains(span, []byte("help")) || bytes.Contains(span, []byte("ayud"))
				if ms[i].c&cOffer != 0 && isHelp && within(ms, cDefend, ms[i].b, ms[i].b+4) && !negatedAt(ms, i) {
					tc.fired[iOffer] = true
					tc.cues[iOffer] = append(tc.cues[iOffer], i)
					break
				}
			}
		}
		if actor != "" {
			backOff(dc, ms, &tc, targets, has)
		}
		if tc.fired[iAssert] && actor != "" {
			// "We respect Mexico's sovereignty", said in Washington, asserts
			// no sovereignty of the speaker's.
			kept := tc.cues[iAssert][:0]
			for _, k := range tc.cues[iAssert] {
				if !foreignSovereignty(dc, ms, k, actor) {
					kept = append(kept, k)
				}
			}
			tc.cues[iAssert] = kept
			tc.fired[iAssert] = len(kept) > 0
		}
		if tc.fired[iOffer] && tc.fired[iThreat] && has&cHelp == 0 {
			// "ready to send Marines ... whether Panama likes it or not"
			tc.fired[iOffer] = false
		}
		if tc.fired[iOffer] && len(targets) == 0 && has&cHelp == 0 {
			// "dispuesta a defender su independencia con las armas": arms
			// with nobody to receive them are not an offer.
			tc.fired[iOffer] = false
		}
		if tc.fired[iOffer] && anyBefore(dc, ms, tc.cues[iOffer]) {
			// "cualquier envío de misiles a Ucrania": a hypothetical
			// delivery, usually warned against.
			tc.fired[iOffer] = false
			if has&cWarn != 0 && !tc.fired[iReject] {
				tc.fired[iReject] = true
				tc.cues[iReject] = append(tc.cues[iReject], tc.cues[iOffer]...)
			}
		}
		if tc.fired[iOffer] && reducedRelative(dc, ms, tc.cues[iOffer]) {
			// "cualquier contingente europeo desplegado en Ucrania",
			// "troops deployed in the region": a participle after its
			// noun describes forces, it sends none.
			tc.fired[iOffer] = false
		}
		if tc.fired[iOffer] && len(targets) == 0 && has&cCivil != 0 {
			// "El Ejército chileno desplegó a 1.500 efectivos ... para
			// combatir los incendios": troops sent to a disaster at home,
			// with no other state to receive them, are relief, not an
			// offer to another state.
			tc.fired[iOffer] = false
		}
		if tc.fired[iOffer] && has&cCivil != 0 && !militaryAid(dc, ms) {
			// Firefighting planes for Bolivia are not military assistance.
			tc.fired[iOffer] = false
		}
		if has&cPeaceful != 0 {
			// "recuperarlas por la vía diplomática" claims, it does not threaten.
			tc.fired[iThreat] = false
			tc.cues[iThreat] = tc.cues[iThreat][:0]
		}
		if tc.fired[iOffer] && condFailure(dc, ms, tc.cues[iOffer]) {
			// "enviar tropas a México si el Gobierno mexicano no controla
			// a los cárteles": sending troops on the other state's failure
			// is a threat, not help.
			tc.fired[iOffer] = false
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], tc.cues[iOffer]...)
		}
		// The state a threat answers may be named in the sentence before
		// by the same actor ("Trump dijo que Colombia «podría ser la
		// siguiente». «Si no cierran esas fábricas, las cerraremos
		// nosotros»"; detect12).
		prevOther := st.prevTarget != "" && st.prevActor == actor && st.sent-st.prevTargetSent <= 2 && st.prevTargetSent < st.sent
		targeted := len(targets) > 0 || prevOther
		if k := ultimatum(dc, ms, s, actor, targeted); !tc.fired[iThreat] && k >= 0 && targeted {
			// "If the Colombian government does not stop the cocaine, we
			// will stop it for them": the speaker will do the act another
			// state fails to do.
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], k)
		}
		if k := selfHelp(dc, ms, s); !tc.fired[iThreat] && k >= 0 && targeted && has&(cHelp|cOffer|cDefend|cNeg|cPeaceful) == 0 {
			// "we will do the job ourselves", "Pakistan will take care of
			// the hideouts in Afghanistan itself", "podríamos ir nosotros
			// mismos a cerrar esos laboratorios": the speaker will act on
			// another state's ground in its stead.
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], k)
		}
		if k := responseWillBe(dc, ms); !tc.fired[iThreat] && k >= 0 && targeted && has&(cNeg|cPeaceful|cRequest) == 0 {
			// "si un solo avión ecuatoriano bombardea ..., la respuesta
			// será inmediata", "the response will come when and where
			// our forces decide", "Our navy will answer",
			// "Responderemos con todos los medios": an announced answer
			// threatens, also when the state it answers was named in the
			// sentence before (detect12).
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], k)
		}
		if k := authorisedForce(dc, ms, actor); !tc.fired[iThreat] && k >= 0 && len(targets) > 0 && has&(cStance|cClaim|cModal) != 0 &&
			has&(cNeg|cReject|cRequest) == 0 {
			// "Graham files bill authorising strikes on Venezuelan drug
			// boats", "legislation that would authorise the president to
			// use the armed forces against cartels inside Mexico": a bill
			// or proposal that empowers one's own forces threatens.
			tc.fired[iThreat] = true
			tc.cues[iThreat] = append(tc.cues[iThreat], k)
		}
		if !tc.fired[iThreat] && len(tc.cues[iThreat]) > 0 && len(targets) > 0 &&
			(!tc.fired[iReject] || len(tc.cues[iReject]) > 0 && ms[tc.cues[iThreat][0]].a < ms[tc.cues[iReject][0]].a &&
				within(ms, cModal, ms[tc.cues[iThreat][0]].a-3, ms[tc.cues[iThreat][0]].a)) {
			// A threat verb before a rejection ("would pay a heavy price if
			// it tried another attack on Indian soil") is still a threat.
			tc.fired[iThreat] = true
		}
		if tc.fired[iThreat] && othersThreat(dc, ms, actor) {
			// "Israel was openly threatening to bomb Iran", said in
			// Tehran: a threat reported as another state's is not the
			// speaker's.
			tc.fired[iThreat] = false
		}
		if deniedDispatch(ms) {
			// "would send no troops to Haiti under any circumstances":
			// a denial, like "no plans to", sends and threatens nothing.
			tc.fired[iOffer], tc.fired[iThreat] = false, false
		}
	}
	if d.modelOnly {
		tc.fired = [4]bool{}
	}
	hedged := has&cHedge != 0
	var modelP [4]float64
	if actor != "" && (d.model != nil || d.collect != nil) {
		kind := 0
		if spIdx >= 0 {
			kind = ments[spIdx].kind
		}
		quoted := false
		for i := s.a; i < s.b && !quoted; i++ {
			quoted = dc.toks[i].inQuote
		}
		if d.collect != nil {
			var names []string
			sentenceFeatures(dc, s, ms, has, len(targets), quoted, hedged, own, kind, nil, &names)
			d.collect(collected{names: names, speaker: sp.name, actor: actor, fired: tc.fired})
		}
		// The model speaks only where the sentence is on topic: some word
		// of sovereignty, territory, intervention, force or military aid
		// that no blocker consumed. Elsewhere ("Mexico's sovereign bonds
		// rallied, the minister said") its words carry no statement.
		const topic = cSov | cSovAssert | cRejectPhrase | cInterv | cIntervWeak | cClaim | cThreat | cThreatVerb | cAid |
			cMilNoun | cMilAction | cTerritory | cPresence | cSpace | cEval | cSale | cYield | cAcquire | cForeign | cDecide |
			cBelong | cDictate
		var topics uint8
		for i := range ms {
			if ms[i].e != nil {
				topics |= ms[i].e.topic
			}
		}
		onTopic := has&topic != 0 || topics != 0
		if d.model != nil && (onTopic || anyVeto(d.model, &tc.fired)) {
			dc.feat = sentenceFeatures(dc, s, ms, has, len(targets), quoted, hedged, own, kind, dc.feat[:0], nil)
			for t := range tc.fired {
				if tc.fired[t] {
					if v := d.model.veto[t]; v > 0 && !tc.sure[t] && d.model.prob(t, dc.feat) < float64(v) {
						// The rules fired on words the labelled
						// sentences like this one seldom bear out.
						tc.fired[t] = false
					}
					continue
				}
				if !onTopic || has&typeTopic[t] == 0 && topics&(1<<t) == 0 ||
					t == iOffer && len(targets) == 0 && (has&cHelp == 0 || has&cCivil != 0) ||
					(t == iThreat || t == iOffer) && (has&cNeg != 0 && has&cNotRuleOut == 0 || has&cRequest != 0 || subordinated(ms, typeTopic[t])) ||
					t == iThreat && (has&cReject != 0 && !newClauseBetween(dc, ms, cReject, typeTopic[t]) || othersThreat(dc, ms, actor)) ||
					t == iAssert && (has&(cViolation|cDenySov) != 0 || topics&(1<<iAssert) == 0 && onlyForeignSovereignty(dc, ms, actor)) ||
					t == iReject && has&cNeg != 0 && has&(cReject|cRejectPhrase|cViolation|cInterv|cForeign) == 0 ||
					t == iReject && has&cRequest != 0 && has&cAid != 0 && has&(cRejectPhrase|cViolation|cInterv|cForeign) == 0 ||
					t == iOffer && (has&cCivil != 0 && !militaryAid(dc, ms) || has&cCond != 0 && has&cHelp == 0) ||
					(t == iThreat || t == iOffer) && deniedDispatch(ms) ||
					t == iThreat && onlyAsked(dc, ms) {
					// Each type needs a word of its own topic, and as for
					// the rules: a denial or "no plans to" cancels a threat
					// or an offer, an act reported after "after" or "tras"
					// is someone else's (but "..., she said after meeting
					// X" subordinates only the meeting), a request is no offer, a threat
					// in a sentence that rejects is what is rejected, a
					// violated, denied or foreign sovereignty is not asserted,
					// firefighting planes are no military assistance, and
					// troops under a condition ("if NATO troops were
					// deployed") or arms with nobody to receive them are
					// no offer unless help is named; a denial with nothing
					// foreign to reject ("no tiene previsto enviar buques")
					// is about the speaker's own forces, and a request for
					// aid ("pidió a Estados Unidos apoyo militar") invites
					// help, it rejects nothing.
					continue
				}
				if p := d.model.prob(t, dc.feat); p >= float64(d.model.thr[t]) {
					tc.fired[t] = true
					modelP[t] = p
				}
			}
		}
	}
	if !tc.fired[iAssert] && !tc.fired[iReject] && !tc.fired[iThreat] && !tc.fired[iOffer] {
		return out
	}
	sentence := strings.TrimSpace(dc.orig[s.o0:s.o1])
	quote := quotes(dc, s)
	for t := range tc.fired {
		if !tc.fired[t] {
			continue
		}
		cues := make([]string, 0, len(tc.cues[t]))
		for _, i := range tc.cues[t] {
			c := strings.ToLower(dc.origSpan(ms[i].a, ms[i].b))
			if !contains(cues, c) {
				cues = append(cues, c)
			}
		}
		conf := 0.55
		if tc.strong[t] {
			conf += 0.1
		}
		if n := len(cues); n > 1 {
			conf += 0.05 * float64(min(n-1, 3))
		}
		if spIdx >= 0 && ments[spIdx].kind >= mBody {
			conf += 0.1
		}
		if quote != "" {
			conf += 0.05
		}
		if hedged {
			conf -= 0.2
		}
		if modelP[t] > 0 {
			// Found by the model alone: its words are the cues and its
			// probability the confidence.
			cues = d.model.explain(t, dc.feat, 3, d.noCue)
			conf = modelP[t]
			if hedged {
				conf -= 0.2
			}
		}
		conf = max(0.05, min(0.99, conf))
		tg := targets
		if tg == nil {
			tg = []string{}
		}
		out = append(out, news.Statement{
			Type: typeOf[t], Speaker: sp.name, Actor: actor, Targets: tg,
			Quote: quote, Sentence: sentence, Cues: cues, Confidence: float64(int(conf*100+0.5)) / 100,
		})
	}
	return out
}

// composite applies the rules that need the speaker's country: a negated
// foreign presence ("no foreign government", "ningún soldado gringo"), a
// people deciding for themselves ("aquí deciden los mexicanos", "decided in
// Nuuk"), and military dispatch ("send the military into Mexico") read as a
// threat or an offer by what surrounds it.
func composite(dc *doc, ms []match, tc *typeCues, actor string, targets []string) {
	foreignTo := func(m *match) bool {
		if m.c&cForeign != 0 {
			return true
		}
		return m.e != nil && m.e.hasGeo && m.e.geo.Code != "" && m.e.geo.Code != actor &&
			(m.e.geo.Kind == geo.KindDemonym || m.e.geo.Kind == geo.KindCountry || m.e.geo.Kind == geo.KindCapital ||
				m.e.geo.Kind == geo.KindInstitution)
	}
	own := func(m *match) bool {
		return m.e != nil && m.e.hasGeo && actor != "" && m.e.geo.Code == actor &&
			(m.e.geo.Kind == geo.KindDemonym || m.e.geo.Kind == geo.KindCapital || m.e.geo.Kind == geo.KindCountry)
	}
	add := func(t, i int) {
		tc.fired[t] = true
		tc.cues[t] = append(tc.cues[t], i)
	}
	for i := range ms {
		m := &ms[i]
		switch {
		case m.c&cNegator != 0:
			if i > 0 && ownDispatchDenied(ms, i-1) {
				// "would send no troops to Haiti": the speaker's own
				// forces, denied; nothing foreign is refused.
				continue
			}
			if inCond, _ := scoped(dc, ms, i, cCond, 5); inCond {
				// "si las milicias kurdas no entregan las armas al
				// Gobierno de Damasco": a negated condition names what
				// another party fails to do; it refuses nothing.
				continue
			}
			foreign, presence, interv := -1, -1, -1
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 7; k++ {
				n := &ms[k]
				if n.c&cBreak != 0 || n.c&cNeg != 0 {
					// "no existe ningún plan para que tropas extranjeras
					// actúen": no plan is a denial, nothing is refused.
					break
				}
				if foreign < 0 && presence < 0 && hasThat(dc, m.b, n.a) {
					// "no le sorprendería que Estados Unidos bombardeara
					// instalaciones militares": the negator is the main
					// verb's; the act after "que" is not negated.
					break
				}
				if foreign < 0 && (foreignTo(n) || n.c&cOtherState != 0 && (n.a == m.b || n.a == m.b+1 && isOther(dc.word(m.b)))) {
					foreign = k
				}
				if presence < 0 && k != foreign && (n.c&(cAid|cMilNoun|cBody|cInterv|cIntervWeak|cDictate|cPresence|cDecide) != 0 ||
					n.c&(cAcquire|cThreatVerb) != 0 && foreign >= 0 && ms[foreign].c&cOtherState != 0) {
					// Control counts only for "no other country": "will not
					// let China control the canal" is about China; so does
					// an attack ("no country has the right to bomb another").
					presence = k
				}
				if interv < 0 && n.c&cInterv != 0 && n.c&(cThreatVerb|cYield) == 0 && n.a-m.b <= 5 {
					// A negated yielding ("no va a ceder ni un centímetro")
					// is the sale rule's assertion below, not a rejection.
					interv = k
				}
			}
			sale := -1
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 8; k++ {
				if ms[k].c&cSale != 0 || ms[k].c&cYield != 0 && ms[k].a-m.b <= 4 && !within(ms, cMilAction|cThreatVerb, ms[k].b, ms[k].b+3) {
					// "not for sale"; "no se va a arrodillar", "will
					// never bow"; but "nunca renunciará al uso de la
					// fuerza" keeps a threat, it yields nothing.
					sale = k
					break
				}
			}
			if sale >= 0 {
				// "not a piece of real estate to be bought", "no se
				// vende": what is not for sale is asserted.
				add(iAssert, i)
				add(iAssert, sale)
			}
			if foreign < 0 && (isNobody(dc.word(m.a)) || m.b-m.a == 2 && string(dc.word(m.a+1)) == "one") {
				// "Nadie nos va a decir qué hacer", "nobody will tell us",
				// "no one will dictate to his country":
				// the negated subject is itself any other state.
				for k := i + 1; k < len(ms) && ms[k].a-m.b <= 5; k++ {
					if ms[k].c&cDictate != 0 {
						add(iReject, i)
						add(iReject, k)
						break
					}
				}
			}
			if foreign < 0 && i > 0 && foreignTo(&ms[i-1]) && ms[i-1].c&cForeign == 0 && m.a-ms[i-1].b <= 2 &&
				within(ms, cAcquire|cThreatVerb, m.b, m.b+3) && !within(ms, cCond|cSubord, ms[i-1].a-3, ms[i-1].a) &&
				canModal(dc, ms[i-1].b, m.b+2) {
				// "the US could not take the canal", "Estados Unidos no
				// podrá quedarse con el canal": another state denied the
				// power to act against the speaker's; "Estados Unidos no
				// atacará a México" only reassures.
				foreign, presence = i-1, i
			}
			if foreign >= 0 && presence >= 0 {
				add(iReject, i)
				add(iReject, max(foreign, presence))
				if controlOfOwn(dc, ms, presence, own) {
					add(iAssert, presence)
				}
			} else if interv >= 0 {
				add(iReject, i)
				add(iReject, interv)
				if w := string(dc.word(ms[interv].a)); w == "colonia" || w == "colony" || controlOfOwn(dc, ms, interv, own) {
					add(iAssert, interv)
				}
			}
		case m.c&cDecide != 0:
			for k := range ms {
				near := ms[k].a-m.b <= 3 && ms[k].a >= m.b || m.a-ms[k].b <= 3 && ms[k].b <= m.a
				if k == i || !near || ms[k].a >= m.b && onBehalf(dc, m.b, ms[k].a) {
					// "el imperio queriendo decidir por los
					// nicaragüenses": deciding for a people is the
					// interference, not their self-determination.
					continue
				}
				if own(&ms[k]) || selfDetermination(dc, ms, k) {
					// "aquí deciden los mexicanos"; "for Greenlanders to
					// decide their future", whoever says it.
					add(iAssert, i)
					add(iAssert, k)
					break
				}
			}
			// "se decide en Nuuk, no en Washington", "decided by
			// Moldovans, here, not in the Kremlin": the other state
			// denied the decision is refused.
			for k := i + 1; k+1 < len(ms) && ms[k].a-m.b <= 8; k++ {
				if ms[k].c&cNegator != 0 && ms[k+1].a-ms[k].b <= 1 && foreignTo(&ms[k+1]) && ms[k+1].c&cForeign == 0 {
					add(iReject, k)
					add(iReject, k+1)
					break
				}
			}
		case m.c&cCopula != 0 && i+1 < len(ms) && ms[i+1].a == m.b && own(&ms[i+1]) &&
			ms[i+1].e.geo.Kind == geo.KindDemonym:
			// "el territorio es peruano", "the Falklands are Argentine";
			// but "Groenlandia ... será estadounidense", only in the
			// future and about another country, claims it.
			if futureCopula(dc, m) && !presentCopula(dc, ms, i, own) && foreignCountryBefore(ms, i, actor) {
				add(iThreat, i)
				add(iThreat, i+1)
				tc.strong[iThreat] = true
			} else {
				add(iAssert, i)
				add(iAssert, i+1)
				tc.sure[iAssert] = !futureCopula(dc, m)
			}
		case m.c&cCopula != 0 && futureCopula(dc, m) && ownedNext(dc, ms, i, own) && foreignCountryBefore(ms, i, actor):
			// "the Panama Canal should be ours again", "Greenland should
			// be part of the United States": another state's land
			// claimed for the speaker's.
			add(iThreat, i)
			tc.strong[iThreat] = true
		case m.c&cCopula != 0 && !futureCopula(dc, m) && (placeBefore(dc, ms, i) || otherCountryBefore(ms, i, actor)) &&
			ownAtClauseEnd(dc, ms, i+1, own):
			// "Crimea is Ukraine.", "el Esequibo «es de Venezuela»": a
			// place that is, or is of, the speaker's country; but not
			// "the biggest winner is Brazil". A place the gazetteer
			// knows as a state counts too: "Kosovo es Serbia" (detect12).
			add(iAssert, i)
			tc.sure[iAssert] = true
		case m.c&cCopula != 0 && !futureCopula(dc, m) && (i > 0 && ms[i-1].b == m.a && own(&ms[i-1]) &&
			ms[i-1].e.geo.Kind == geo.KindCountry || m.a > 0 && string(dc.word(m.a)) == "are" && string(dc.word(m.a-1)) == "we") &&
			ownSovereignPredicate(dc, ms, i):
			// "Mexico is free, independent and sovereign", "Panamá es un
			// país soberano", "We are a sovereign constitutional
			// democracy": the speaker's country is, now, sovereign.
			add(iAssert, i)
			tc.sure[iAssert] = true

		case isUnder(dc.word(m.a)) && m.b < len(dc.toks):
			// "seguirá bajo administración panameña", "under Panamanian
			// control": the speaker's own rule over something.
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 3; k++ {
				if own(&ms[k]) && hasRuleWord(dc, m.b, ms[k].b+1) {
					if futureBefore(dc, m.a) && foreignCountryBefore(ms, i, actor) {
						// "la isla sería más segura bajo la bandera
						// estadounidense" after Groenlandia: another
						// state's land to come under the speaker's rule
						// is a threat, not an assertion.
						add(iThreat, i)
						add(iThreat, k)
						break
					}
					add(iAssert, i)
					add(iAssert, k)
					break
				}
			}
		case m.c&cBelong != 0:
			if i+1 < len(ms) && ms[i+1].a == m.b && own(&ms[i+1]) {
				add(iAssert, i)
				add(iAssert, i+1)
			}
		}
		if m.c&cReject != 0 && !tc.fired[iReject] && actor != "" {
			// "rejected China's renaming", "condemned the Russian
			// proposal": rejecting what another state did or said.
			protest := isProtest(dc, m)
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 3; k++ {
				n := &ms[k]
				if w := string(dc.word(n.a)); n.c&cArticle != 0 || w == "a" || w == "from" || protest && (w == "with" || w == "to") {
					continue
				}
				if n.c&(cMilNoun|cAid) != 0 && k+1 < len(ms) && ms[k+1].a == n.b && foreignTo(&ms[k+1]) {
					// "acusó a las tropas tailandesas de ocupar ...": the
					// forces of another state stand for it.
					k++
					n = &ms[k]
				}
				possessive := n.b < len(dc.toks) && dc.toks[n.b].gap&gapPossess != 0
				// A protest addressed to another state ("envió una nota de
				// protesta a Bogotá", "lodged a protest with the British
				// embassy") rejects what that state did.
				if foreignTo(n) && n.c&cForeign == 0 && (possessive || protest || n.e.geo.Kind == geo.KindDemonym ||
					n.e.geo.Kind != geo.KindDemonym && objectEnds(dc, n.b)) {
					// "accused the United States of", "no necesita a
					// Estados Unidos para"; an accusation needs a hostile
					// act named ("acusó a Dinamarca de no proteger la
					// isla" is not a rejection).
					if isAccuse(dc.word(m.a)) && !within(ms, cInterv|cReject|cViolation|cEval|cThreatVerb|cMilAction, n.b, n.b+6) {
						break
					}
					if neg, _ := scoped(dc, ms, i, cNegator|cNeg, 3); !neg {
						add(iReject, i)
						add(iReject, k)
					}
				}
				break
			}
		}
		if m.c&cDemand != 0 && !tc.fired[iReject] {
			// "exigió la retirada de las tropas francesas", "ordered
			// the remaining troops to leave", "called for the withdrawal
			// of US forces".
			w, f := -1, -1
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 10; k++ {
				if ms[k].c&cWithdraw != 0 && w < 0 {
					w = k
				}
				if ms[k].c&(cMilNoun|cAid|cPresence) != 0 && f < 0 {
					f = k
				}
			}
			if w >= 0 && f >= 0 && (foreignNear(ms, f, foreignTo) || len(targets) > 0) {
				add(iReject, i)
				add(iReject, w)
				add(iReject, f)
			}
		}
		if m.c&cAcquire != 0 && !tc.fired[iReject] && !tc.fired[iThreat] {
			// "take Greenland", "quedarse con el canal de Panamá"
			neg, _ := scoped(dc, ms, i, cNeg|cNegator|cSubord|cReject, 6)
			for k := i + 1; !neg && k < len(ms) && ms[k].a-m.b <= 2; k++ {
				if ms[k].c&cArticle != 0 {
					continue
				}
				n := &ms[k]
				isCanal := string(dc.word(n.a)) == "canal" && len(targets) > 0
				if isCanal || n.e != nil && n.e.hasGeo && n.e.geo.Code != "" && n.e.geo.Code != actor &&
					(n.e.geo.Kind == geo.KindCountry || n.e.geo.Kind == geo.KindCapital) {
					add(iThreat, i)
					add(iThreat, k)
				}
				break
			}
			if !neg && !tc.fired[iThreat] && len(targets) > 0 && m.b < len(dc.toks) && isObjectPronoun(dc.word(m.b)) &&
				within(ms, cModal, m.a-2, m.a) && dc.toks[m.a].gap&hardGap == 0 {
				// "We need it, and we're going to get it" after "push for
				// Greenland": the place taken is the pronoun's, and a
				// future taking of another state's land threatens it.
				add(iThreat, i)
			}
			if !neg && !tc.fired[iThreat] && len(targets) > 0 {
				// "«recuperará» el canal de Panamá": the canal or island
				// as a word, across a closing quote.
				for t := m.b; t < m.b+3 && t < len(dc.toks); t++ {
					switch string(dc.word(t)) {
					case "canal", "island", "isla", "islands", "islas":
						add(iThreat, i)
					}
				}
			}
		}
		if m.c&cInterv != 0 && m.c&cThreatVerb == 0 && !tc.fired[iReject] && i > 0 {
			// "Russian drones entering Polish airspace were an attack on
			// NATO": what a foreign state did, called an aggression.
			if ok, _ := scoped(dc, ms, i, cCopula, 2); ok {
				for k := 0; k < i; k++ {
					if foreignTo(&ms[k]) && ms[k].c&cForeign == 0 {
						add(iReject, k)
						add(iReject, i)
						break
					}
				}
			}
		}
		if m.c&cConsent != 0 && !tc.fired[iReject] && ownConsent(dc, ms, i, foreignTo) {
			// "any foreign operation ... would need her government's
			// express consent": a foreign act made conditional on the
			// speaker's state.
			for k := range ms {
				if ms[k].c&(cInterv|cForeign|cPresence) != 0 || ms[k].c&cIntervWeak != 0 && weakCounts(ms, k) {
					add(iReject, k)
					add(iReject, i)
					break
				}
			}
		}
		if m.c&cEval != 0 && !tc.fired[iReject] {
			// "a provocation", "un acto de guerra económica" aimed at a
			// foreign state or act named in the sentence.
			for k := range ms {
				if k != i && (foreignTo(&ms[k]) || ms[k].c&cInterv != 0) {
					add(iReject, i)
					add(iReject, k)
					break
				}
			}
		}
		if m.c&cStop != 0 {
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 4 && dc.toks[ms[k].a].gap&gapComma == 0; k++ {
				if ms[k].c&cInterv != 0 && ms[k].c&cThreatVerb == 0 {
					add(iReject, i)
					add(iReject, k)
					break
				}
			}
		}
		if m.c&cNegotiate != 0 && !tc.fired[iAssert] {
			neg, _ := scoped(dc, ms, i, cNegator, 4)
			if neg && within(ms, cTerritory|cSov, 0, 1<<30) {
				add(iAssert, i)
			}
		}
		if m.c&cDispatch != 0 && len(targets) > 0 && !tc.fired[iReject] {
			mil := -1
			for k := i + 1; k < len(ms) && ms[k].a-m.b <= 4; k++ {
				if ms[k].c&cMilNoun != 0 {
					mil = k
					break
				}
			}
			if mil < 0 {
				continue
			}
			if neg, _ := scoped(dc, ms, i, cNeg|cNegator|cSubord|cCond|cRequest, 6); neg {
				continue
			}
			help, mark := -1, -1
			for k := range ms {
				// "to support government forces against al-Shabaab": an
				// offer verb after the dispatch says what the troops are
				// for, as "help" does.
				if (ms[k].c&cHelp != 0 || k > i && ms[k].c&cOffer != 0 && ms[k].c&cDispatch == 0) && help < 0 {
					help = k
				}
				if ms[k].c&cThreatMark != 0 && k > i && mark < 0 {
					mark = k
				}
			}
			switch {
			case help >= 0:
				if !tc.fired[iOffer] {
					add(iOffer, i)
					add(iOffer, mil)
				}
			case mark >= 0 && !tc.fired[iThreat]:
				add(iThreat, i)
				add(iThreat, mil)
				add(iThreat, mark)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quotes returns the quoted words of a sentence, or "" when it has none.
func quotes(dc *doc, s sentence) string {
	var parts []string
	for i := s.a; i < s.b; {
		if !dc.toks[i].inQuote {
			i++
			continue
		}
		j := i
		for j < s.b && dc.toks[j].inQuote && (j == i || dc.toks[j].gap&gapQuote == 0) {
			j++
		}
		parts = append(parts, dc.origSpan(i, j))
		i = j
	}
	return strings.Join(parts, " ... ")
}

// mentions finds the candidates for speaker in a sentence: people, titles,
// bodies, institutions, countries, pronouns and non-state commentators, with
// titles merged into the names they introduce.
func (d *Detector) mentions(dc *doc, s sentence, ms []match, st *passageState) []mention {
	out := dc.ments[:0]
	defer func() { dc.ments = out[:0] }()
	for i := 0; i < len(ms); i++ {
		m := &ms[i]
		if dc.toks[m.a].inQuote {
			continue
		}
		switch {
		case m.e != nil && m.e.hasGeo && m.e.geo.Kind == geo.KindPerson && m.c&cTitle == 0:
			p := m.e.geo.Person
			mt := mention{a: m.a, b: m.b, kind: mPerson, sp: personSpeaker(p)}
			mt.object = d.isObject(dc, ms, i)
			// "Omar García Harfuch, Mexico's security secretary, said": the
			// apposition belongs to the name.
			if j := d.titleAfter(dc, ms, i); j > i {
				mt.b = ms[j].b
				i = j
			}
			out = append(out, mt)
		case m.c&cTitle != 0:
			mt := former(dc, s, d.apposedName(dc, ms, d.titleMention(dc, ms, &i, s, st), s))
			if mt.kind == mTitle && oppositionTitle(dc, mt, s) {
				// detect12: an opposition politician is no state's voice.
				mt.kind = mNonState
			}
			out = append(out, mt)
		case m.c&cBody != 0 || (m.e != nil && m.e.hasGeo && m.e.geo.Kind == geo.KindInstitution):
			if m.c&cBody == 0 && i+1 < len(ms) && ms[i+1].a == m.b && ms[i+1].c&cTitle != 0 && ms[i+1].e.role&rHead != 0 {
				// "the Kremlin leader said": an institution before a
				// head's title is the title's country, as "Russian" is.
				continue
			}
			out = append(out, former(dc, s, d.apposedName(dc, ms, d.bodyMention(dc, ms, &i, st), s)))
		case m.e != nil && m.e.hasGeo && (m.e.geo.Kind == geo.KindCountry || m.e.geo.Kind == geo.KindCapital) && m.e.geo.Code != "":
			// "Mexico's foreign ministry", "Cuba's President": a country
			// in front of a body or title is part of it.
			if i+1 < len(ms) && ms[i+1].a == m.b && ms[i+1].c&(cBody|cTitle) != 0 {
				continue
			}
			if dc.toks[min(m.b, len(dc.toks)-1)].gap&gapPossess != 0 && m.b < s.b {
				// "Venezuela's Gil slams ...": a bare surname after its
				// country's possessive names the one person of that
				// country who bears it.
				if p := d.bySurname[m.e.geo.Code+"/"+string(dc.word(m.b))]; p != nil && dc.toks[m.b].upper && !d.startsMatch(ms, m.b) {
					out = append(out, mention{a: m.a, b: m.b + 1, kind: mPerson, sp: personSpeaker(p)})
				}
				continue
			}
			mt := mention{a: m.a, b: m.b, kind: mCountry,
				sp: speaker{name: dc.origSpan(m.a, m.b), code: m.e.geo.Code}}
			mt.object = d.isObject(dc, ms, i)
			out = append(out, mt)
		case m.e != nil && m.e.hasGeo && m.e.geo.Kind == geo.KindDemonym:
			// A demonym directly before a title or body is handled there.
		case m.c&cPronoun != 0 && m.e.role&rNeuter != 0:
			// "It said ...", "They warned ...": only right before a
			// speech verb, for a ministry or government named earlier.
			if i+1 < len(ms) && ms[i+1].a == m.b && ms[i+1].c&cSpeech != 0 && (m.a == s.a || dc.toks[m.a].gap&(gapComma|gapQuote) != 0) {
				out = append(out, mention{a: m.a, b: m.b, kind: mPronoun, neuter: true})
			}
		case m.c&cPronoun != 0:
			out = append(out, mention{a: m.a, b: m.b, kind: mPronoun, female: m.e.role&rFemale != 0, male: m.e.role&rMale != 0})
		case m.c&cNonState != 0:
			// "proclamó ante miles de simpatizantes": an audience, not a
			// commentator who speaks.
			out = append(out, mention{a: m.a, b: m.b, kind: mNonState, object: d.isObject(dc, ms, i)})
		}
	}
	return out
}

// isObject reports whether the mention at ms[i] is governed by a preposition
// or is a possessive ("Trump's remarks", "con Lula").
func (d *Detector) isObject(dc *doc, ms []match, i int) bool {
	m := &ms[i]
	if m.b < len(dc.toks) && dc.toks[m.b].gap&gapPossess != 0 {
		// "Trump's remarks" is an object, but in "Petro's warning to
		// Washington", "Mulino's reply to Trump:" the possessor speaks.
		return !(i+1 < len(ms) && ms[i+1].a == m.b && ms[i+1].c&cSpeech != 0 && m.e != nil && m.e.hasGeo &&
			m.e.geo.Kind == geo.KindPerson)
	}
	start := m.a
	// Not across a comma: "whom it trades with, Orbán said".
	for k := i - 1; k >= 0 && ms[k].b == start && dc.toks[start].gap&(hardGap|gapComma) == 0; k-- {
		if ms[k].c&cPrep != 0 {
			// "a spokesperson said": the English article is no Spanish
			// "a" before a bare title or body (detect12).
			if string(dc.word(ms[k].a)) == "a" && ms[k].b == m.a && m.c&(cTitle|cBody) != 0 && m.e != nil && !m.e.hasGeo {
				break
			}
			return true
		}
		if ms[k].c&cArticle == 0 {
			break
		}
		start = ms[k].a
	}
	return false
}

// titleAfter finds an apposition title right after the person at ms[i]:
// ", Mexico's security secretary," or ", secretario de Seguridad,". It
// returns the index of the last match of the apposition, or i.
func (d *Detector) titleAfter(dc *doc, ms []match, i int) int {
	j := i + 1
	if j >= len(ms) || ms[j].a != ms[i].b || dc.toks[ms[j].a].gap&gapComma == 0 {
		return i
	}
	// "Ante las amenazas de Trump, el presidente colombiano afirmó": a
	// title of another country is the next subject, not an apposition.
	code := ms[i].e.geo.Code
	other := func(m match) bool { return isDemonymOrCountry(m) && code != "" && m.e.geo.Code != code }
	for ; j < len(ms) && j <= i+4; j++ {
		if ms[j].c&cTitle != 0 {
			// Take a trailing "de X" or demonym too.
			for j+1 < len(ms) && ms[j+1].a == ms[j].b && (ms[j+1].c&cPrep != 0 || isDemonymOrCountry(ms[j+1])) {
				j++
				if other(ms[j]) {
					return i
				}
			}
			return j
		}
		if !(ms[j].c&cArticle != 0 || isDemonymOrCountry(ms[j])) || other(ms[j]) {
			return i
		}
	}
	return i
}

// ownDispatchDenied reports whether match k is a verb of sending or
// offering whose object is negated right after it ("send no troops",
// "enviará ningún soldado").
func ownDispatchDenied(ms []match, k int) bool {
	return ms[k].c&(cDispatch|cOffer) != 0 && k+1 < len(ms) && ms[k+1].c&cNegator != 0 && ms[k+1].a == ms[k].b
}

// deniedDispatch reports whether the sentence sends or offers nothing.
func deniedDispatch(ms []match) bool {
	for k := range ms {
		if ownDispatchDenied(ms, k) {
			return true
		}
	}
	return false
}

// onBehalf reports whether "por" or "for" stands between tokens a and b.
func onBehalf(dc *doc, a, b int) bool {
	for t := a; t < b; t++ {
		if w := string(dc.word(t)); w == "por" || w == "for" {
			return true
		}
	}
	return false
}

// othersThreat reports whether a verb of threatening ("threatening to",
// "amenaza con") has as its subject another state named just before it, at most two
// words (a copula, an adverb) away and within the clause: "Venezuela amenaza
// con anexionarse", reported by Guyana, is Venezuela's threat.
func othersThreat(dc *doc, ms []match, actor string) bool {
	for k := 1; k < len(ms); k++ {
		w := dc.word(ms[k].a)
		// A one-word act verb ("que Estados Unidos bombardeara") has its
		// subject before it as well: another state's act, reported.
		verb := ms[k].c&cThreatVerb != 0 && ms[k].b-ms[k].a == 1 && !nounLike(dc, &ms[k])
		if !verb && (ms[k].c&cThreat == 0 || !bytes.HasPrefix(w, []byte("threat")) && !bytes.HasPrefix(w, []byte("amenaz"))) {
			// Only a verb of threatening has a subject here: "whether
			// Panama likes it or not" names the target.
			continue
		}
		j := k - 1
		for j > 0 && ms[j].c&cCopula != 0 && ms[j].b-ms[j].a == 1 {
			j--
		}
		e := ms[j].e
		if e == nil || !e.hasGeo || e.geo.Code == "" || e.geo.Code == actor ||
			e.geo.Kind != geo.KindCountry && e.geo.Kind != geo.KindCapital {
			continue
		}
		if ms[k].a-ms[j].b <= 2 && !commaBetween(dc, ms[j].b, ms[k].a) {
			if c := condBefore(dc, ms, j); c >= 0 && (ownThreatBesides(ms, c, k) || responseWillBe(dc, ms) > k) {
				// "tomará todas las medidas necesarias ... si Moldavia
				// intenta bloquear la región": the other state's act is
				// the condition of the speaker's threat, not a report.
				continue
			}
			return true
		}
	}
	return false
}

// ownThreatBesides reports whether a threat cue stands outside matches
// [a, b]: the speaker's own answer to a condition.
func ownThreatBesides(ms []match, a, b int) bool {
	for i := range ms {
		if (i < a || i > b) && ms[i].c&(cThreat|cThreatVerb|cNotRuleOut) != 0 {
			return true
		}
	}
	return false
}

func isCountry(m match, code string) bool {
	return m.e != nil && m.e.hasGeo && m.e.geo.Kind == geo.KindCountry && m.e.geo.Code == code
}

func isDemonymOrCountry(m match) bool {
	return m.e != nil && m.e.hasGeo && m.e.geo.Code != "" && m.e.geo.Kind != geo.KindPerson
}

// titleMention reads a title with its country and the name it introduces:
// "Mexican President Claudia Sheinbaum", "el canciller ruso, Serguéi
// Lavrov", "the president", "la presidenta de México", "Senator Jane Doe".
func (d *Detector) titleMention(dc *doc, ms []match, ip *int, s sentence, st *passageState) mention {
	i := *ip
	m := &ms[i]
	mt := mention{a: m.a, b: m.b, kind: mTitle, role: m.e.role}
	mt.object = d.isObject(dc, ms, i)
	mt.female = m.e.role&rFemale != 0
	mt.sp.code = titleCountry[string(dc.folded[dc.toks[m.a].start:dc.toks[m.b-1].end])]
	if k := i - 2; mt.sp.code == "" && k >= 0 && ms[k+1].b == m.a && ms[k].b == ms[k+1].a && ms[k].b < len(dc.toks) &&
		dc.toks[ms[k].b].gap&gapPossess != 0 && isDemonymOrCountry(ms[k]) && !commaBetween(dc, ms[k].b, m.a) {
		// "Burkina Faso's military leader"
		mt.sp.code = ms[k].e.geo.Code
		mt.a = ms[k].a
	}
	// Country before: "Mexican President", "Panama's President",
	// "Burkina Faso's military leader"; not across a comma ("the South
	// China Sea, Defence Minister ...").
	for k := i - 1; k >= 0 && m.a-ms[k].b <= 2; k-- {
		if commaBetween(dc, ms[k].b, m.a) {
			break
		}
		if m.a-ms[k].b == 2 && !(ms[k].b < len(dc.toks) && dc.toks[ms[k].b].gap&gapPossess != 0) {
			break
		}
		if isDemonymOrCountry(ms[k]) && mt.sp.code == "" {
			mt.sp.code = ms[k].e.geo.Code
			mt.a = ms[k].a
			break
		}
		if ms[k].c&cArticle == 0 || ms[k].b == m.a {
			// "anunció en Quito la secretaria de ...": an article
			// opens the title's phrase, so a place before it is a
			// venue.
			break
		}
	}
	// Country after: "presidente colombiano", "presidenta de México",
	// "vocero del Kremlin", "ministro de Defensa de Venezuela".
	j := i
	for j+1 < len(ms) && ms[j+1].a-ms[j].b <= 0 {
		n := &ms[j+1]
		if isDemonymOrCountry(*n) && mt.sp.code == "" {
			mt.sp.code = n.e.geo.Code
			j++
			continue
		}
		if n.c&(cPrep|cArticle) != 0 && j+2 < len(ms) && ms[j+2].a == n.b && isDemonymOrCountry(ms[j+2]) && mt.sp.code == "" {
			mt.sp.code = ms[j+2].e.geo.Code
			j += 2
			continue
		}
		break
	}
	j = d.titleBody(dc, ms, j, &mt, st)
	mt.b = ms[j].b
	// A name after the title: known person, possibly after a comma.
	if j+1 < len(ms) && ms[j+1].a-mt.b <= 0 && ms[j+1].e != nil && ms[j+1].e.hasGeo && ms[j+1].e.geo.Kind == geo.KindPerson {
		p := ms[j+1].e.geo.Person
		*ip = j + 1
		// "President Ilham Aliyev's office": a possessive makes the
		// person an object, as without the title.
		return mention{a: mt.a, b: ms[j+1].b, kind: mPerson, sp: personSpeaker(p), object: mt.object || d.isObject(dc, ms, j+1)}
	}
	// "de la Mesa Directiva", "of the Senate Foreign Relations Committee":
	// a title qualified by a body that is not a country.
	if mt.sp.code == "" && mt.b < s.b {
		k := mt.b
		if w := string(dc.word(k)); w == "de" || w == "del" || w == "of" {
			k++
			for k < s.b && (string(dc.word(k)) == "la" || string(dc.word(k)) == "the" || string(dc.word(k)) == "el") {
				k++
			}
			e := k
			// The qualifier ends at a known person: "el portavoz de
			// Exteriores Guo Jiakun" is Guo Jiakun, not a longer title.
			for e < s.b && dc.toks[e].upper && dc.toks[e].gap&hardGap == 0 && (e == k || dc.toks[e].gap&gapComma == 0) &&
				!d.startsMatch(ms, e) && (e == k || !startsPerson(ms, e)) {
				e++
			}
			if e > k {
				mt.qualified = true
				mt.b = e
				for j+1 < len(ms) && ms[j+1].a < e {
					j++
				}
				// "la portavoz de Exteriores rusa, María Zajárova": the
				// person after the qualified title.
				for n := j + 1; n < len(ms) && ms[n].a-e <= 2; n++ {
					if isDemonymOrCountry(ms[n]) && ms[n].e.geo.Kind != geo.KindPerson {
						if mt.sp.code == "" {
							mt.sp.code = ms[n].e.geo.Code
						}
						e = ms[n].b
						continue
					}
					if ms[n].e != nil && ms[n].e.hasGeo && ms[n].e.geo.Kind == geo.KindPerson {
						*ip = n
						return mention{a: mt.a, b: ms[n].b, kind: mPerson, sp: personSpeaker(ms[n].e.geo.Person)}
					}
					break
				}
				if e < s.b && dc.toks[e].gap&gapComma != 0 && dc.toks[e].upper && !d.startsMatch(ms, e) {
					// An unknown name in apposition: ", Fernando
					// Grande-Marlaska".
					n := e
					for n < s.b && n-e < 4 && dc.toks[n].upper && (n == e || dc.toks[n].gap == 0) {
						n++
					}
					if n-e >= 2 && (n >= s.b || dc.toks[n].gap&(gapComma|gapStop) != 0) {
						*ip = j
						return mention{a: mt.a, b: n, kind: mPerson, sp: speaker{name: dc.origSpan(e, n), code: mt.sp.code, role: mt.role}}
					}
				}
				*ip = j
				return mt
			}
		}
	}
	// An unknown capitalised name right after the title.
	if mt.b < s.b && dc.toks[mt.b].gap&(hardGap) == 0 {
		k := mt.b
		for k < s.b && k-mt.b < 5 && (dc.toks[k].upper || (k > mt.b && isNameJoiner(dc.word(k)) && k+1 < s.b && dc.toks[k+1].upper)) {
			if k > mt.b && dc.toks[k].gap&hardGap != 0 {
				break
			}
			if d.startsMatch(ms, k) {
				break
			}
			k++
		}
		if k-mt.b >= 2 || (k-mt.b == 1 && dc.toks[mt.b].gap&gapComma == 0 && !isNameJoiner(dc.word(mt.b))) {
			name := dc.origSpan(mt.b, k)
			*ip = j
			sp := speaker{name: name, code: mt.sp.code, role: mt.role}
			if mt.female {
				sp.gender = 'f'
			}
			return mention{a: mt.a, b: k, kind: mPerson, sp: sp}
		}
	}
	*ip = j
	return mt
}

func (d *Detector) startsMatch(ms []match, tok int) bool {
	for k := range ms {
		if ms[k].a == tok && (ms[k].e == nil || !ms[k].e.hasGeo || ms[k].e.geo.Kind != geo.KindPerson) {
			return true
		}
	}
	return false
}

// startsPerson reports whether a known person's name begins at token tok.
func startsPerson(ms []match, tok int) bool {
	for k := range ms {
		if ms[k].a == tok && ms[k].e != nil && ms[k].e.hasGeo && ms[k].e.geo.Kind == geo.KindPerson {
			return true
		}
	}
	return false
}

func isNameJoiner(w []byte) bool {
	switch string(w) {
	case "de", "la", "del", "van", "von", "der", "da", "y":
		return true
	}
	return false
}

// bodyMention reads a government body with its country: "Mexico's foreign
// ministry", "the Danish government", "la Cancillería mexicana", "el Gobierno
// de Cuba", "the Kremlin".
func (d *Detector) bodyMention(dc *doc, ms []match, ip *int, st *passageState) mention {
	i := *ip
	m := &ms[i]
	mt := mention{a: m.a, b: m.b, kind: mBody}
	if m.e != nil && m.e.hasGeo && m.e.geo.Kind == geo.KindInstitution {
		mt.sp.code = m.e.geo.Code
		if i > 0 && ms[i-1].b == m.a && dc.toks[m.a].gap&gapPossess != 0 && isDemonymOrCountry(ms[i-1]) {
			// "Pakistan's foreign office" is not the Foreign Office.
			mt.sp.code = ""
		}
	}
	for k := i - 1; k >= 0 && m.a-ms[k].b <= 1 && mt.sp.code == ""; k-- {
		if commaBetween(dc, ms[k].b, m.a) {
			// "issued in Port Sudan, the Government of Sudan said",
			// "...part of India\", the ministry said": the place ends
			// the clause before; it is not the body's.
			break
		}
		if isDemonymOrCountry(ms[k]) {
			mt.sp.code = ms[k].e.geo.Code
			mt.a = ms[k].a
			break
		}
		if ms[k].c&cArticle == 0 {
			break
		}
	}
	if k := i - 1; mt.sp.code == "" && k >= 0 && ms[k].b == m.a && dc.toks[m.a].gap&gapPossess != 0 && ms[k].e != nil &&
		ms[k].e.hasGeo && ms[k].e.geo.Kind == geo.KindPerson {
		// "Ilham Aliyev's office": a person's body speaks for the person's
		// country and is named as written.
		mt.sp.code = ms[k].e.geo.Code
		mt.a = ms[k].a
	}
	if mt.sp.code == "" && i > 0 {
		// "India's external affairs ministry", "Mali's transitional
		// government", "Niger's military government": a possessive
		// country a few words before.
		k := i - 1
		if k > 0 && ms[k].c&cForeignMod != 0 && ms[k].b == m.a {
			k--
		}
		if p := &ms[k]; m.a-p.b <= 3 && p.b < len(dc.toks) && dc.toks[p.b].gap&gapPossess != 0 && isDemonymOrCountry(*p) &&
			!gapBetween(dc, p.b+1, m.a) {
			mt.sp.code = p.e.geo.Code
			mt.a = p.a
		}
	}
	mt.object = mt.object || d.isObject(dc, ms, i)
	if k := i - 1; k >= 0 && ms[k].c&cArticle != 0 && k > 0 {
		k--
		if ms[k].b == ms[k+1].a && ms[k].c&(cDispatch|cOffer|cReject|cCall|cDemand|cAcquire) != 0 && ms[k].c&cSpeech == 0 {
			// "put the armed forces on alert": the object of a verb.
			mt.object = true
		}
	}
	j := i
	for j+1 < len(ms) && ms[j+1].a == ms[j].b && dc.toks[ms[j+1].a].gap&(hardGap|gapComma) == 0 {
		n := &ms[j+1]
		if isDemonymOrCountry(*n) && mt.sp.code == "" {
			mt.sp.code = n.e.geo.Code
			j++
			continue
		}
		if n.c&cPrep != 0 && j+3 < len(ms) && ms[j+2].a == n.b && ms[j+2].c&cArticle != 0 && ms[j+3].a == ms[j+2].b &&
			ms[j+3].c&cBody != 0 {
			// "Ministerio de las Fuerzas Armadas francés"
			j += 3
			continue
		}
		if n.c&cPrep != 0 && j+3 < len(ms) && ms[j+2].a == n.b && ms[j+2].c&cArticle != 0 && ms[j+3].a == ms[j+2].b &&
			isDemonymOrCountry(ms[j+3]) && mt.sp.code == "" {
			// "the Armed Forces of the Philippines"
			mt.sp.code = ms[j+3].e.geo.Code
			j += 3
			continue
		}
		if n.c&(cPrep|cArticle) != 0 && j+2 < len(ms) && ms[j+2].a == n.b && (isDemonymOrCountry(ms[j+2]) || ms[j+2].c&cBody != 0) {
			if isDemonymOrCountry(ms[j+2]) {
				if mt.sp.code != "" {
					break
				}
				mt.sp.code = ms[j+2].e.geo.Code
			}
			j += 2
			continue
		}
		break
	}
	if j+1 < len(ms) && ms[j+1].a == ms[j].b && ms[j+1].c&cTitle != 0 && ms[j+1].e.role&rSpokes != 0 {
		// "the Chinese defence ministry spokesman"
		j++
	}
	if j+1 < len(ms) && ms[j+1].a == ms[j].b+1 && (string(dc.word(ms[j].b)) == "in" || string(dc.word(ms[j].b)) == "en") &&
		ms[j+1].e != nil && ms[j+1].e.hasGeo && ms[j+1].e.geo.Kind == geo.KindCapital && dc.toks[ms[j].b].gap&(gapComma|hardGap) == 0 {
		// "the foreign ministry in Caracas", "the Russian embassy in
		// Havana" (whose country is Russia's, not Cuba's).
		if mt.sp.code == "" {
			j++
			mt.sp.code = ms[j].e.geo.Code
		}
	}
	if j+1 < len(ms) && ms[j+1].a == ms[j].b+1 && (string(dc.word(ms[j].b)) == "in" || string(dc.word(ms[j].b)) == "en") &&
		isDemonymOrCountry(ms[j+1]) && dc.toks[ms[j].b].gap&(gapComma|hardGap) == 0 && isMission(dc, m) {
		// "the Chinese embassy in Manila", "la Embajada de Cuba en
		// México": a mission is named with its host, which is not its
		// country.
		j++
	}
	*ip = j
	mt.b = ms[j].b
	if mt.sp.code == "" {
		mt.sp.code = st.mainActor()
	}
	// "his government", "su gobierno": the speaker's own body, named as
	// the subject of what the speaker said, not the speaker; "ningún
	// gobierno extranjero", "la tutela de ninguna embajada": a body
	// denied is no one's voice.
	if m.a > 0 {
		switch string(dc.word(m.a - 1)) {
		case "his", "her", "their", "su", "sus", "ningun", "ninguna", "no":
			mt.object = true
		}
	}
	mt.sp.name = trimArticle(dc.origSpan(mt.a, mt.b))
	return mt
}

func trimArticle(s string) string {
	for _, a := range []string{"the ", "The ", "el ", "El ", "la ", "La ", "los ", "Los ", "las ", "Las "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// pickSpeaker chooses who speaks in a sentence. A candidate must be the
// subject of an attribution or stance verb ("X said", "X rejected") or come
// right after a speech verb ("said X", "afirmó el mandatario"); persons beat
// bodies, bodies beat countries. With no candidate, a sentence that still
// has a speech verb ("«...», subrayó"; "Añadió que ...") continues the last
// speaker.
func (d *Detector) pickSpeaker(dc *doc, s sentence, ms []match, ments []mention, st *passageState) (speaker, int, bool) {
	if st.lastSpeaker == nil && len(st.people) > 0 {
		// Nobody has spoken yet: a pro-drop verb refers to the last person
		// named ("la presidenta Sheinbaum leyó la carta. Ahí expresó ...").
		p := st.people[len(st.people)-1]
		st.lastSpeaker = &speaker{name: p.name, code: p.code, gender: p.gender, role: p.role}
	}
	const verbs = cSpeech | cStance | cReject | cOffer | cThreat | cNotRuleOut | cNeg | cDemand | cCall
	// The first attribution verb outside quotes: a candidate after it is the
	// subject of the reported clause ("said the president was weighing")
	// unless it closes the clause ("said Rubio.", "afirmó Sheinbaum,").
	firstSpeech := -1
	for i := range ms {
		if ms[i].c&cSpeech != 0 && !dc.toks[ms[i].a].inQuote {
			firstSpeech = ms[i].a
			break
		}
	}
	// "Advirtió que México no aceptará ...": a sentence that opens with an
	// attribution verb has its speaker in an earlier sentence.
	if len(ms) > 0 && ms[0].a == s.a && ms[0].c&cSpeech != 0 && st.lastSpeaker != nil {
		return *st.lastSpeaker, -1, true
	}
	best, bestScore, bestPost := -1, 0, false
	before := false // a candidate stands before the first attribution verb
	for i := range ments {
		mt := &ments[i]
		score := 0
		post := false
		if passiveAgent(dc, ms, mt, s) || headline(dc, mt, s) || headlinePredicate(dc, ms, mt, s) || statementAuthor(dc, ms, mt, s) {
			// "was condemned by Pakistan's foreign office", "fue
			// calificada por el Gobierno ecuatoriano"; "Mulino: ...".
			before = true
			if sc := 30 + mt.kind*10; sc > bestScore {
				best, bestScore, bestPost = i, sc, true
			}
			continue
		}
		if mt.kind == mPronoun && !mt.neuter {
			if _, ok := resolvePronoun(st, mt); !ok {
				// "..., where he also announced new measures, Lula
				// said": a pronoun with nobody before it points ahead.
				continue
			}
		}
		if inAgentAside(dc, mt.a, s.a) {
			continue
		}
		// The verb is looked for after the mention, or after a relative
		// clause that follows it: "Sanae Takaichi, who has drawn criticism
		// from Beijing, said" is her saying. In "came from Lindsey Graham,
		// who said ..." the object is the speaker of the relative clause.
		from := mt.b
		if rel := relativeEnd(dc, mt.b, s.b); rel > mt.b {
			if within(ms, cSpeech, rel, rel+1) {
				from, mt.object = rel, false
			} else {
				from = relativeClose(dc, rel, s.b)
			}
		}
		after := nextVerb(dc, ms, from, verbs)
		if pv := prevVerb(dc, ms, mt.a, cCond|cSubord); pv >= 0 && mt.a-pv <= 3 && !gapBetween(dc, pv, mt.a) {
			// "if the Mexican authorities fail to act": the subject of a
			// condition or a reported earlier act is not the speaker.
			continue
		}
		if ecmObject(dc, mt, s) {
			// "he expected the administration to order strikes": the
			// subject of an infinitive after a verb of expecting or
			// urging is its object, not a speaker.
			continue
		}
		if mt.kind == mCountry && after == from && parenthetical(dc, ms, after) {
			// "Brasil, agregó, no recibe órdenes de nadie": the country is
			// the subject of what was said, the sayer is dropped.
			after = -1
		}
		if !mt.object && after >= 0 && after-from <= 8 && !dc.toks[after].inQuote && !subjectBetween(ments, from, after) {
			score = 5
			if after-from <= 3 {
				score = 10
			}
			if mt.kind == mCountry && after-from > 2 {
				score = 0
			}
		}
		// A name right before "that" is the addressee ("Beijing warned
		// Manila that ..."), not a trailing attribution.
		closes := mt.b >= s.b || dc.toks[mt.b].gap&(gapComma|gapStop|gapQuote|gapNewline|gapOther) != 0 ||
			(after < 0 || after-from > 4) && !within(ms, cModal|cNegator|cCopula, mt.b, mt.b+1) && !hasThat(dc, mt.b, mt.b+1)
		if pv := prevVerb(dc, ms, mt.a, cSpeech); pv >= 0 && (mt.a-pv <= 3 || trailingAfterAside(dc, mt, pv, s)) && closes && !mt.object && !hasThat(dc, pv, mt.a) &&
			!subjectOfVerbAt(dc, ms, ments, pv) {
			score += 15
			post = true
		} else if firstSpeech >= 0 && mt.a > firstSpeech && score > 0 {
			score -= 15
		}
		if score == 0 {
			continue
		}
		if firstSpeech < 0 || mt.b <= firstSpeech {
			before = true
		}
		score += mt.kind * 10
		if score > bestScore {
			best, bestScore, bestPost = i, score, post
		}
	}
	// "Ahí expresó que México no admitirá ...": nobody before the verb and
	// nobody closing it, so the subject is the last speaker.
	if best >= 0 && firstSpeech >= 0 && !before && !bestPost && st.lastSpeaker != nil {
		return *st.lastSpeaker, -1, true
	}
	if best >= 0 {
		mt := &ments[best]
		switch mt.kind {
		case mNonState:
			return speaker{}, -1, false
		case mPerson, mBody, mCountry:
			sp := mt.sp
			if ls := st.lastSpeaker; mt.kind == mBody && ls != nil && (sp.code == "" || sp.code == ls.code) && ls.code != "" &&
				ls.gender == 0 && ls.role == 0 && ls.name != sp.name && sameHead(sp.name, ls.name) {
				// "Nigeria's foreign ministry said ... the ministry
				// said": a bare body resumes the one named before
				// (detect12).
				return *ls, best, true
			}
			if sp.code == "" && mt.kind == mPerson {
				// An unknown person with a bare title speaks for the
				// country that is the subject of the sentence
				// ("Australia will send ..., Defence Minister Richard
				// Marles said").
				for k := range ments {
					if ments[k].kind == mCountry && !ments[k].object && k != best {
						sp.code = ments[k].sp.code
						break
					}
				}
			}
			return sp, best, true
		case mPronoun:
			if mt.neuter {
				if ls := st.lastSpeaker; ls != nil && ls.gender == 0 && ls.role == 0 {
					return *ls, best, true
				}
				return speaker{}, -1, false
			}
			if sp, ok := resolvePronoun(st, mt); ok {
				return sp, best, true
			}
			return speaker{}, -1, false
		case mTitle:
			if mt.qualified {
				code := mt.sp.code
				if code == "" {
					code = st.mainActor()
				}
				return speaker{name: trimArticle(dc.origSpan(mt.a, mt.b)), code: code}, best, true
			}
			if sp, ok := d.resolveTitle(st, mt); ok {
				return sp, best, true
			}
			if mt.sp.code == "" {
				// "Trump renews push for Greenland: "...," the president
				// said": a person of that role named earlier in the
				// sentence is the one the title resumes.
				want := mt.role &^ (rFemale | rMale)
				for i := range ments {
					if ments[i].kind == mPerson && ments[i].a < mt.a && ments[i].sp.role&want != 0 && !ments[i].object {
						return ments[i].sp, i, true
					}
				}
			}
			if mt.sp.code == "" {
				// "The US will ..., the vice president said": the
				// title belongs to the country the sentence is about,
				// the subject first, else the first country named.
				for i := range ments {
					if ments[i].kind == mCountry && !ments[i].object && (ments[i].a == 0 || !isLocative(dc.word(ments[i].a-1))) {
						t := *mt
						t.sp.code = ments[i].sp.code
						if sp, ok := d.resolveTitle(st, &t); ok {
							return sp, best, true
						}
					}
				}
				for i := range ms {
					if ms[i].a > 0 && isLocative(dc.word(ms[i].a-1)) {
						// "prepare for possible action in Nigeria":
						// a place after a preposition is where, not who.
						continue
					}
					if e := ms[i].e; e != nil && e.hasGeo && e.geo.Kind == geo.KindCountry && e.geo.Code != "" {
						t := *mt
						t.sp.code = e.geo.Code
						if sp, ok := d.resolveTitle(st, &t); ok {
							return sp, best, true
						}
					}
				}
			}
			if ls := st.lastSpeaker; mt.sp.code == "" && mt.role&rSpokes != 0 && ls != nil && ls.code != "" && ls.gender == 0 && ls.role == 0 {
				// "..., a spokesperson said" after "Britain's Foreign
				// Office responded": the body named before speaks
				// through its spokesperson (detect12).
				return *ls, -1, true
			}
			return speaker{name: trimArticle(dc.origSpan(mt.a, mt.b)), code: mt.sp.code}, best, true
		}
	}
	if sp, i, ok := d.fallbackSpeaker(dc, s, ms, ments, st); ok {
		return sp, i, true
	}
	// Pro-drop and trailing attributions continue the last speaker, and so
	// does a sentence that is all quotation. A verb after some unknown
	// subject ("Supporters of the coalition replied") does not.
	if st.lastSpeaker != nil {
		allQuoted := true
		for i := s.a; i < s.b; i++ {
			allQuoted = allQuoted && dc.toks[i].inQuote
		}
		if allQuoted {
			return *st.lastSpeaker, -1, true
		}
		for i := range ms {
			if ms[i].c&(cSpeech|cReject|cStance) == 0 || dc.toks[ms[i].a].inQuote {
				continue
			}
			a := ms[i].a
			if a == s.a || dc.toks[a].gap&gapQuote != 0 || a > s.a && dc.toks[a-1].inQuote ||
				ms[i].c&cSpeech != 0 && parenthetical(dc, ms, a) {
				return *st.lastSpeaker, -1, true
			}
			if ms[i].c&cSpeech != 0 && a-s.a <= 3 && !mentionBefore(ments, a) && leadAdverb(dc.word(s.a)) && !upperBetween(dc, s.a+1, a) {
				// "Más tarde advirtió que ...", "Later he warned": an
				// adverb before a verb with no subject of its own.
				return *st.lastSpeaker, -1, true
			}
			if ms[i].c&cSpeech != 0 && a-s.a <= 6 && dc.toks[a].gap&gapComma != 0 && !mentionBefore(ments, a) &&
				!upperBetween(dc, s.a+1, a) {
				// "Tras el encuentro, reiteró que ...": a fronted phrase
				// closed by a comma, then a verb with no subject.
				return *st.lastSpeaker, -1, true
			}
		}
	}
	return speaker{}, -1, false
}

func nextVerb(dc *doc, ms []match, tok int, c cat) int {
	for i := range ms {
		if ms[i].a >= tok && ms[i].c&c != 0 {
			return ms[i].a
		}
	}
	return -1
}

func prevVerb(dc *doc, ms []match, tok int, c cat) int {
	r := -1
	for i := range ms {
		if ms[i].b <= tok && ms[i].c&c != 0 {
			r = ms[i].b
		}
	}
	return r
}

// resolvePronoun maps "she" or "he" to the last speaker when the gender
// fits, else to the last person named whose gender fits.
func resolvePronoun(st *passageState, mt *mention) (speaker, bool) {
	fits := func(g byte) bool {
		return g == 0 || (!mt.female && !mt.male) || (mt.female && g == 'f') || (mt.male && g == 'm')
	}
	if st.lastSpeaker != nil && st.lastSpeaker.name != "" && fits(st.lastSpeaker.gender) && st.lastSpeaker.role != 0 || st.lastSpeaker != nil && fits(st.lastSpeaker.gender) && isPersonName(st, st.lastSpeaker.name) {
		return *st.lastSpeaker, true
	}
	for i := len(st.people) - 1; i >= 0; i-- {
		p := st.people[i]
		if fits(p.gender) {
			return speaker{name: p.name, code: p.code, gender: p.gender, role: p.role}, true
		}
	}
	return speaker{}, false
}

func isPersonName(st *passageState, name string) bool {
	for _, p := range st.people {
		if p.name == name {
			return true
		}
	}
	return false
}

// resolveTitle maps a role phrase to the last person named with that role
// (and country, when the phrase gives one), else to the person the data
// lists for that country and role ("the Mexican president").
func (d *Detector) resolveTitle(st *passageState, mt *mention) (speaker, bool) {
	want := mt.role &^ (rFemale | rMale)
	fits := func(role int, code string, g byte) bool {
		if role&want == 0 {
			return false
		}
		if mt.sp.code != "" && code != mt.sp.code {
			return false
		}
		return !mt.female || g == 'f' || g == 0
	}
	if ls := st.lastSpeaker; ls != nil && fits(ls.role, ls.code, ls.gender) {
		return *ls, true
	}
	for i := len(st.people) - 1; i >= 0; i-- {
		p := st.people[i]
		if fits(p.role, p.code, p.gender) {
			return speaker{name: p.name, code: p.code, gender: p.gender, role: p.role}, true
		}
	}
	if mt.sp.code != "" && want&rMinister == 0 {
		// Only roles held by one person at a time; "the Mexican minister"
		// or "France's economy minister" could be anyone.
		roles := []string{geo.RolePresident, geo.RolePrime, geo.RoleForeign, geo.RoleDefence, geo.RoleSecurity, geo.RoleVice, geo.RoleSpokesman}
		if want&rMonarch != 0 {
			// "Iran's supreme leader", "the Danish king": the monarch
			// before the head of government.
			roles = append([]string{geo.RoleMonarch}, roles...)
		}
		// "Latvia's prime minister" is no president although both head
		// something: the specific role decides when the title has one.
		specific := want &^ rHead
		for _, role := range roles {
			if roleBits[role]&want == 0 || specific != 0 && roleBits[role]&specific == 0 {
				continue
			}
			for _, p := range d.byRole[mt.sp.code+"/"+role] {
				if sp := personSpeaker(p); fits(sp.role, sp.code, sp.gender) {
					return sp, true
				}
			}
		}
	}
	return speaker{}, false
}

// passiveAgent reports whether mention mt is the agent of a passive report
// or stance ("was condemned by X", "fue calificada por X"): "by" or "por"
// before it, and a passive auxiliary a few words before that with a verb of
// speech, rejection or evaluation in between.
func passiveAgent(dc *doc, ms []match, mt *mention, s sentence) bool {
	k := mt.a - 1
	for k > s.a && isArticle(dc.word(k)) {
		k--
	}
	if k <= s.a {
		return false
	}
	if w := string(dc.word(k)); w != "by" && w != "por" {
		return false
	}
	// Without an auxiliary: "la iniciativa, impulsada por el senador", "a
	// bill sponsored by Senator X", "a bill introduced in the House on
	// Thursday by Dan Crenshaw" (adverbials, no comma, between); but
	// after a verb of the main clause the participle qualifies its object
	// ("rejects the resolution adopted by the French Senate").
	for i := range ms {
		if ms[i].b <= k && k-ms[i].b <= 6 && ms[i].c&(cStance|cSpeech|cReject) != 0 && isParticiple(dc.word(ms[i].b-1)) &&
			!commaBetween(dc, ms[i].b, k) && !within(ms, cReject|cSpeech|cStance|cCall|cWarn, s.a, ms[i].a) &&
			!within(ms, cReject|cSpeech|cStance|cCall|cWarn, ms[i].b, k) {
			return true
		}
	}
	aux := -1
	for t := k - 1; t >= s.a && k-t <= 8; t-- {
		switch string(dc.word(t)) {
		case "was", "were", "been", "being", "be", "fue", "fueron", "sido", "sera", "seran", "siendo", "ser":
			aux = t
		}
		if aux >= 0 {
			break
		}
	}
	if aux < 0 {
		return false
	}
	for i := range ms {
		if ms[i].a > aux && ms[i].b <= k && ms[i].c&(cReject|cSpeech|cCall|cWarn|cDemand|cOffer) != 0 {
			return true
		}
	}
	return false
}

// headline reports whether mention mt opens a headline-style attribution:
// the sentence starts with it and a colon follows ("Mulino: canal ...").
func headline(dc *doc, mt *mention, s sentence) bool {
	if mt.kind < mTitle || mt.b >= s.b || mt.a > s.a+1 || mt.a == s.a+1 && !isArticle(dc.word(s.a)) {
		return false
	}
	if dc.toks[mt.a].inQuote {
		return false
	}
	if colonBefore(dc, mt.b) {
		return true
	}
	// "Petro, contra los bombardeos de EE. UU.: «una agresión ...»": a
	// short topic after a comma, then the quotation; "Hegseth sobre
	// Venezuela: «...»", "Lavrov on Greenland: '...'": a topic after
	// "sobre"/"on".
	if w := string(dc.word(mt.b)); dc.toks[mt.b].gap&gapComma == 0 && w != "sobre" && w != "on" {
		return false
	}
	for k := mt.b + 1; k < s.b && k <= mt.b+10; k++ {
		if colonBefore(dc, k) {
			return dc.toks[k].inQuote
		}
	}
	return false
}

// headlinePredicate reports whether mention mt opens a headline whose short
// predicate, a verb of speech, stance, warning or threat, ends at a colon
// ("Trump vuelve a amenazar a México: si ...", "Petro warns Washington:
// ..."): what follows the colon is the subject's.
func headlinePredicate(dc *doc, ms []match, mt *mention, s sentence) bool {
	if mt.kind != mPerson || mt.a != s.a || dc.toks[mt.a].inQuote {
		return false
	}
	verb := false
	for k := mt.b; k < s.b && k <= mt.b+6; k++ {
		if k > mt.b && colonBefore(dc, k) {
			return verb
		}
		if dc.toks[k].gap&(hardGap|gapComma) != 0 {
			return false
		}
		for i := range ms {
			if ms[i].a == k && ms[i].c&(cSpeech|cStance|cWarn|cThreat|cReject|cInterv|cDemand) != 0 {
				verb = true
			}
		}
	}
	return false
}

// trailingAfterAside reports whether mention mt ends its sentence as the
// subject of the speech verb ending at pv, after asides set off by commas:
// "..., dijo este jueves, en una larga entrevista con la cadena CBS, el
// senador republicano por Florida Rick Scott."
func trailingAfterAside(dc *doc, mt *mention, pv int, s sentence) bool {
	if mt.a-pv > 20 || mt.b < s.b && dc.toks[mt.b].gap&gapStop == 0 {
		return false
	}
	for t := mt.a; t > pv && mt.a-t <= 6; t-- {
		if dc.toks[t].gap&hardGap != 0 {
			return false
		}
		if dc.toks[t].gap&gapComma != 0 {
			return true
		}
	}
	return false
}

// colonBefore reports whether a colon stands before token k.
func colonBefore(dc *doc, k int) bool {
	return bytes.IndexByte(dc.folded[dc.toks[k-1].end:dc.toks[k].start], ':') >= 0
}

func isArticle(w []byte) bool {
	switch string(w) {
	case "the", "el", "la", "los", "las", "a", "an":
		return true
	}
	return false
}

// subjectBetween reports whether a named person who can be a subject stands
// in tokens [a, b): in "to remove Maduro by force, Rubio said" the verb is
// Rubio's, the name nearest to it.
func subjectBetween(ments []mention, a, b int) bool {
	for i := range ments {
		if ments[i].a >= a && ments[i].b <= b && !ments[i].object && ments[i].kind == mPerson {
			return true
		}
	}
	return false
}

func mentionBefore(ments []mention, tok int) bool {
	for i := range ments {
		if ments[i].a < tok {
			return true
		}
	}
	return false
}

// upperBetween reports whether a capitalised word stands in tokens [a, b):
// an unknown name may be the subject.
func upperBetween(dc *doc, a, b int) bool {
	for t := a; t < b; t++ {
		if dc.toks[t].upper {
			return true
		}
	}
	return false
}

// leadAdverb reports whether w can open a sentence whose subject was named
// earlier ("Más tarde advirtió", "Later warned"), unlike a name.
func leadAdverb(w []byte) bool {
	switch string(w) {
	case "mas", "luego", "despues", "ademas", "tambien", "asimismo", "posteriormente", "finalmente", "entonces",
		"ayer", "hoy", "alli", "ahi", "later", "then", "also", "earlier", "afterwards", "yesterday", "finally":
		return true
	}
	return false
}

// selfDetermination reports whether ms[k] names a people as the one who
// decides: a plural demonym ("Greenlanders", "los cubanos") in a sentence
// about a future or a destiny.
func selfDetermination(dc *doc, ms []match, k int) bool {
	e := ms[k].e
	if e == nil || !e.hasGeo || e.geo.Kind != geo.KindDemonym || !bytes.HasSuffix(dc.word(ms[k].b-1), []byte("s")) {
		return false
	}
	for t := ms[0].a; t < ms[len(ms)-1].b; t++ {
		switch string(dc.word(t)) {
		case "future", "futuro", "destiny", "destino", "fate", "alone", "solos", "solas":
			return true
		}
	}
	return false
}

// foreignNear reports whether a foreign name stands right before or after
// ms[f] ("US troops", "tropas francesas").
func foreignNear(ms []match, f int, foreign func(*match) bool) bool {
	for k := f - 2; k <= f+2; k++ {
		if k >= 0 && k < len(ms) && k != f && foreign(&ms[k]) && (ms[k].b >= ms[f].a-1 && ms[k].a <= ms[f].b+1) {
			return true
		}
	}
	return false
}

// hasAs reports whether "as", "como" or "de" stands in tokens [a, b): the
// evaluation that follows a verb of calling ("described X as", "calificó
// X de").
func hasAs(dc *doc, a, b int) bool {
	for t := a; t < b; t++ {
		switch string(dc.word(t)) {
		case "as", "como", "de":
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma or stronger punctuation, but not a
// possessive, separates token a-1 from token b.
func commaBetween(dc *doc, a, b int) bool {
	for t := a; t <= b && t < len(dc.toks); t++ {
		if dc.toks[t].gap&(gapComma|gapStop|gapQuote|gapNewline|gapOther) != 0 {
			return true
		}
	}
	return false
}

// objectEnds reports whether a country named as an object is followed by
// what closes it ("accused the United States of ...", "condemned Russia
// for ...", "no necesita a Estados Unidos para ...") or by the sentence
// end.
func objectEnds(dc *doc, t int) bool {
	if t >= len(dc.toks) || dc.toks[t].gap&(gapStop|gapNewline|gapComma) != 0 {
		return true
	}
	switch string(dc.word(t)) {
	case "of", "for", "over", "about", "de", "por", "para", "sobre":
		return true
	}
	return false
}

// anyBefore reports whether the first offer cue has "any" or "cualquier"
// right before it.
func anyBefore(dc *doc, ms []match, cues []int) bool {
	if len(cues) == 0 {
		return false
	}
	a := ms[cues[0]].a
	if a == 0 {
		return false
	}
	switch string(dc.word(a - 1)) {
	case "any", "cualquier", "the", "el", "la":
		// "any shipment of"; "the stationing of US missiles": a
		// nominalised act, not an offer.
		return true
	}
	return false
}

// reducedRelative reports whether every verb of sending or offering among
// the cues is a participle right after the troops or the demonym it
// qualifies.
func reducedRelative(dc *doc, ms []match, cues []int) bool {
	verbs := 0
	for _, k := range cues {
		if ms[k].c&(cDispatch|cOffer) == 0 {
			continue
		}
		verbs++
		if !isParticiple(dc.word(ms[k].b-1)) || k == 0 || ms[k-1].b != ms[k].a {
			return false
		}
		p := &ms[k-1]
		if p.c&(cAid|cMilNoun) == 0 && (p.e == nil || !p.e.hasGeo || p.e.geo.Kind != geo.KindDemonym) {
			return false
		}
	}
	return verbs > 0
}

func isAccuse(w []byte) bool {
	return bytes.HasPrefix(w, []byte("accus")) || bytes.HasPrefix(w, []byte("acus"))
}

func isParticiple(w []byte) bool {
	for _, suf := range []string{"ed", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"} {
		if bytes.HasSuffix(w, []byte(suf)) {
			return true
		}
	}
	return false
}

// negatedAt reports whether a negator, denial or subordinator stands in the
// few words before ms[i] ("did not condemn", "after the strikes").
func negatedAt(ms []match, i int) bool {
	for k := i - 1; k >= 0 && ms[i].a-ms[k].b <= 3; k-- {
		if ms[k].c&(cNeg|cNegator|cSubord) != 0 {
			return true
		}
	}
	return false
}

// backOff applies looser co-occurrence rules to a sentence in which a state
// speaks: the scoped rules above miss paraphrases whose cue words stand
// further apart or in another order than they expect. Each needs two cue
// classes that together mean the type, anywhere in the sentence, and none
// of them negated.
func backOff(dc *doc, ms []match, tc *typeCues, targets []string, has cat) {
	if !tc.fired[iReject] && !tc.fired[iThreat] && len(targets) > 0 {
		// "called the appointment of a US envoy for Greenland
		// completely unacceptable": an evaluation of what another state
		// did.
		for i := range ms {
			if ms[i].c&cReject != 0 && evaluative(dc.word(ms[i].a)) && !negatedAt(ms, i) {
				tc.fired[iReject] = true
				tc.cues[iReject] = append(tc.cues[iReject], i)
				break
			}
		}
	}
	add := func(t int, idx ...int) {
		tc.fired[t] = true
		tc.cues[t] = append(tc.cues[t], idx...)
	}
	if !tc.fired[iReject] && !tc.fired[iThreat] && !tc.fired[iOffer] {
		// "rejected ... what it described as interference", "condena
		// ... la presencia de buques militares extranjeros".
		r := -1
		for i := range ms {
			if ms[i].c&cReject != 0 && !negatedAt(ms, i) {
				r = i
				break
			}
		}
		if r >= 0 {
			for i := range ms {
				c := ms[i].c
				if i == r || c&cThreatVerb != 0 && c&cInterv == 0 {
					continue
				}
				if c&(cInterv|cViolation|cMilAction|cPresence|cForeign) != 0 || c&cIntervWeak != 0 && weakCounts(ms, i) {
					add(iReject, r, i)
					break
				}
			}
		}
	}
	// Threats and offers are easily reported rather than made ("denied
	// that ... sending troops", "after a senator proposed strikes"), so
	// their back-off wants a sentence with no denial, rejection, request
	// or condition at all and nothing subordinating before the cue.
	const unsure = cNeg | cReject | cRequest | cCond | cPeaceful
	if !tc.fired[iThreat] && !tc.fired[iReject] && len(targets) > 0 && has&unsure == 0 {
		// "land operations could start very soon", "ready to strike
		// cartels inside Mexico".
		for i := range ms {
			if ms[i].c&(cMilAction|cThreatVerb) == 0 || negatedAt(ms, i) || within(ms, cSubord|cNegator, 0, ms[i].a) {
				continue
			}
			for k := range ms {
				if k != i && ms[k].c&(cModal|cPlan|cThreatMark) != 0 && !(ms[k].c&cModal != 0 && ms[k].c&cPrep != 0) &&
					ms[k].a-ms[i].b <= 6 && ms[i].a-ms[k].b <= 6 && !negatedAt(ms, k) {
					add(iThreat, k, i)
					break
				}
			}
			if tc.fired[iThreat] {
				break
			}
		}
	}
	if !tc.fired[iOffer] && !tc.fired[iThreat] && len(targets) > 0 && has&unsure == 0 {
		// "Patriot systems will be sent to ...", "agreed to send two
		// Patriot systems".
		o, a := -1, -1
		for i := range ms {
			if ms[i].c&(cOffer|cDispatch) != 0 && o < 0 && !negatedAt(ms, i) && !within(ms, cSubord|cNegator, 0, ms[i].a) {
				o = i
			}
			if ms[i].c&cAid != 0 && a < 0 {
				a = i
			}
		}
		if o >= 0 && a >= 0 && (has&cCivil == 0 || militaryAid(dc, ms)) && !anyBefore(dc, ms, []int{o}) {
			add(iOffer, o, a)
		}
	}
}

func futureCopula(dc *doc, m *match) bool {
	switch string(dc.folded[dc.toks[m.a].start:dc.toks[m.b-1].end]) {
	case "sera", "seran", "will be", "would be", "should be", "must be", "deberia ser", "debe ser", "tiene que ser":
		return true
	}
	return false
}

// presentCopula reports whether a present or past copula is followed by
// the speaker's own demonym or joined to the future one at f ("fueron, son
// y serán argentinas").
func presentCopula(dc *doc, ms []match, f int, own func(*match) bool) bool {
	for i := range ms {
		if ms[i].c&cCopula != 0 && !futureCopula(dc, &ms[i]) && (i+1 < len(ms) && own(&ms[i+1]) || i < f && ms[f].a-ms[i].b <= 3) {
			switch string(dc.word(ms[i].a)) {
			case "es", "son", "is", "are", "fueron", "fue", "was", "were":
				return true
			}
		}
	}
	return false
}

func foreignCountryBefore(ms []match, i int, actor string) bool {
	for k := 0; k < i; k++ {
		if e := ms[k].e; e != nil && e.hasGeo && e.geo.Kind == geo.KindCountry && e.geo.Code != actor {
			return true
		}
	}
	return false
}

// futureBefore reports whether a future or conditional copula stands in
// the four words before token a ("sería más segura bajo", "would be better
// off under", "acabará bajo"); "seguirá bajo" continues what is.
func futureBefore(dc *doc, a int) bool {
	for t := max(0, a-4); t < a; t++ {
		switch string(dc.word(t)) {
		case "seria", "serian", "sera", "seran", "estaria", "estarian", "estara", "estaran", "acabara", "acabaria",
			"terminara", "terminaria", "would", "will", "should":
			return true
		}
	}
	return false
}

// isLocative reports whether w puts a place after it as a venue or goal
// ("in Nigeria", "en Venezuela", "into Mexico").
func isLocative(w []byte) bool {
	switch string(w) {
	case "in", "en", "into", "inside", "dentro", "against", "contra":
		return true
	}
	return false
}

func isUnder(w []byte) bool { return string(w) == "under" || string(w) == "bajo" }

// hasRuleWord reports whether tokens [a, b) name a form of rule: control,
// administration, sovereignty, jurisdiction, flag.
func hasRuleWord(dc *doc, a, b int) bool {
	for t := a; t < b && t < len(dc.toks); t++ {
		switch string(dc.word(t)) {
		case "control", "administration", "administracion", "sovereignty", "soberania", "jurisdiction", "jurisdiccion",
			"flag", "bandera", "rule", "mando":
			return true
		}
	}
	return false
}

// condFailure reports whether a condition after the first cue is about a
// failure: "if ... not", "si ... no", "unless".
func condFailure(dc *doc, ms []match, cues []int) bool {
	if len(cues) == 0 {
		return false
	}
	a := ms[cues[0]].b
	for i := range ms {
		if ms[i].a < a || ms[i].c&cCond == 0 {
			continue
		}
		if w := string(dc.word(ms[i].a)); w == "unless" || w == "a" {
			return true
		}
		for k := i + 1; k < len(ms) && ms[k].a-ms[i].b <= 6; k++ {
			if ms[k].c&cNegator != 0 {
				return true
			}
		}
		for t := ms[i].b; t < ms[i].b+6 && t < len(dc.toks); t++ {
			if w := dc.word(t); bytes.HasPrefix(w, []byte("fail")) {
				return true
			}
		}
	}
	return false
}

// ultimatum returns the condition of an ultimatum, or -1: a condition with
// another state as its subject and a negated verb, then a clause in which
// "we" will do that verb ("if Mexico does not act, we will act"; "si
// Venezuela no los detiene, los detendremos"). The act of one's own state
// in place of another's is a threat whatever the verb.
func ultimatum(dc *doc, ms []match, s sentence, actor string, prevOther bool) int {
	for i := range ms {
		if ms[i].c&cCond == 0 {
			continue
		}
		other, verb := false, -1
		if prevOther && i+1 < len(ms) && ms[i+1].a == ms[i].b && ms[i+1].c&cNegator != 0 && ms[i+1].b < len(dc.toks) &&
			!bytes.HasSuffix(dc.word(ms[i+1].b), []byte("mos")) {
			// "Si no cierran ...": the subject dropped is the other
			// state named before (not "si no actuamos").
			other = true
		}
		k := i + 1
		for ; k < len(ms) && ms[k].a-ms[i].b <= 8 && dc.toks[ms[k].a].gap&(hardGap|gapComma) == 0; k++ {
			if isDemonymOrCountry(ms[k]) && ms[k].e.geo.Code != actor && ms[k].e.geo.Kind != geo.KindPerson {
				other = true
			}
			if ms[k].c&cNegator != 0 && ms[k].b < s.b {
				verb = ms[k].b
				break
			}
		}
		if verb < 0 {
			continue
		}
		// The main clause: after the comma that ends the condition.
		c := verb + 1
		for c < s.b && c-verb <= 12 && dc.toks[c].gap&(hardGap|gapComma) == 0 {
			c++
		}
		if c < s.b && dc.toks[c].gap&gapComma != 0 && (other && weWill(dc, c, s.b, dc.word(verb)) || elidedWill(dc, ms, c, s.b, actor)) {
			return i
		}
	}
	return -1
}

// weWill reports whether the clause at token c opens with a first-person
// plural future of a verb sharing its stem with verb, done to the same
// object ("we will stop it", "we'll act", "lo detendremos"): "we will
// withdraw our ambassador" answers with an act of another kind.
func weWill(dc *doc, c, end int, verb []byte) bool {
	for t := c; t < end && t-c < 4; t++ {
		w := dc.word(t)
		if (string(w) == "will" || string(w) == "ll") && t > c && string(dc.word(t-1)) == "we" && t+1 < end {
			v := t + 1
			return sameStem(dc.word(v), verb) &&
				(v+1 >= end || dc.toks[v+1].gap&(hardGap|gapComma) != 0 || isObjectPronoun(dc.word(v+1)))
		}
		if bytes.HasSuffix(w, []byte("remos")) {
			return sameStem(w, verb) && t > c && isObjectPronoun(dc.word(t-1))
		}
	}
	return false
}

// elidedWill reports whether the clause at token c is only "we will" or
// the speaker's own state and "will", the verb of the condition left out
// ("If Colombia won't shut down the labs, the United States will"; "If the
// world will not stop them, we will"; "si ellos no lo hacen, lo haremos
// nosotros"): whoever failed, the speaker's state will do it instead.
func elidedWill(dc *doc, ms []match, c, end int, actor string) bool {
	for t := c; t < end && t-c < 7; t++ {
		w := string(dc.word(t))
		closes := t+1 >= end || dc.toks[t+1].gap&(hardGap|gapComma) != 0
		if w == "haremos" || w == "hara" {
			return t > c && string(dc.word(t-1)) == "lo"
		}
		if w == "will" && t > c && t+2 < end && string(dc.word(t+1)) == "do" && string(dc.word(t+2)) == "it" &&
			(t+3 >= end || dc.toks[t+3].gap&(hardGap|gapComma) != 0) {
			// "If the Lebanese government does not disarm Hezbollah, ...
			// "the IDF will do it"": the speaker's own side will do
			// what the other failed to (detect12).
			if string(dc.word(t-1)) == "we" || dc.toks[t-1].allUpper && !foreignStateAt(ms, t-1, actor) {
				return true
			}
			for k := range ms {
				if ms[k].b == t && (isCountry(ms[k], actor) || ms[k].c&cMilNoun != 0) {
					return true
				}
			}
			return false
		}
		if (w != "will" && w != "ll") || t == c || !closes {
			continue
		}
		if string(dc.word(t-1)) == "we" {
			return true
		}
		for k := range ms {
			if ms[k].b == t && ms[k].a >= c && isCountry(ms[k], actor) {
				return true
			}
		}
		return false
	}
	return false
}

func isObjectPronoun(w []byte) bool {
	switch string(w) {
	case "it", "them", "lo", "los", "la", "las":
		return true
	}
	return false
}

// sameStem reports whether two verb forms share their first three letters
// (stop/stop, detiene/detendremos, actua/actuaremos).
func sameStem(a, b []byte) bool {
	if len(a) < 3 || len(b) < 3 {
		return false
	}
	if bytes.Equal(a[:3], b[:3]) {
		return true
	}
	// Spanish stems that diphthong under stress: "cierran" and
	// "cerraremos", "vuelven" and "volveremos" (detect12).
	x, y := undiphthong(a), undiphthong(b)
	return len(x) >= 3 && len(y) >= 3 && bytes.Equal(x[:3], y[:3])
}

// undiphthong returns the first four letters of a Spanish verb with an "ie"
// or "ue" after the first consonant reduced to "e" or "o".
func undiphthong(w []byte) []byte {
	var buf [4]byte
	out := buf[:0]
	for i := 0; i < len(w) && len(out) < 4; i++ {
		if i == 1 || i == 2 {
			if w[i] == 'i' && i+1 < len(w) && w[i+1] == 'e' {
				out = append(out, 'e')
				i++
				continue
			}
			if w[i] == 'u' && i+1 < len(w) && w[i+1] == 'e' && (i == 1 || w[i-1] != 'q' && w[i-1] != 'g') {
				out = append(out, 'o')
				i++
				continue
			}
		}
		out = append(out, w[i])
	}
	return out
}

// evaluative reports whether a rejection word judges rather than acts:
// unacceptable, illegal, inadmissible.
func evaluative(w []byte) bool {
	for _, p := range []string{"unaccept", "inacept", "illegal", "ilegal", "inadmis", "intoler"} {
		if bytes.HasPrefix(w, []byte(p)) {
			return true
		}
	}
	return false
}

// ownConsent reports whether the consent at ms[i] is the speaker's: not
// another state's ("without the Mexican government's consent", said by the
// Pentagon) and not dispensed with ("with or without", "sin").
func ownConsent(dc *doc, ms []match, i int, foreign func(*match) bool) bool {
	for t := max(0, ms[i].a-5); t < ms[i].a; t++ {
		switch string(dc.word(t)) {
		case "without", "sin":
			return false
		}
	}
	for k := i - 1; k >= 0 && ms[i].a-ms[k].b <= 4; k-- {
		if foreign(&ms[k]) {
			return false
		}
	}
	return true
}

// articleNear reports whether an indefinite article stands one or two
// words before token a: "called the stationing ... a direct threat".
func articleNear(dc *doc, a int) bool {
	for t := max(0, a-2); t < a; t++ {
		switch string(dc.word(t)) {
		case "a", "an", "una", "un":
			return true
		}
	}
	return false
}

func isOther(w []byte) bool {
	switch string(w) {
	case "other", "otro", "otra", "foreign":
		return true
	}
	return false
}

func isNobody(w []byte) bool {
	switch string(w) {
	case "nadie", "nobody", "ninguno", "none":
		return true
	}
	return false
}

// noCue says whether a folded word cannot explain a statement: only the
// words of the cue lexicon do (not names, titles or function words).
func (d *Detector) noCue(w string) bool {
	const notCue = cSpeech | cStance | cTitle | cBody | cPronoun | cNonState | cPrep | cArticle | cHedge | cBreak | cModal |
		cCopula | cOtherState
	e, ok := d.lex[w]
	return !ok || e.c == 0 || e.c&^notCue == 0
}

// typeTopic are the cue classes of which a sentence needs one for the model
// to find each type there.
var typeTopic = [4]cat{
	iAssert: cSov | cSovAssert | cTerritory | cDecide | cBelong | cSale | cYield | cDictate,
	iReject: cSov | cRejectPhrase | cInterv | cIntervWeak | cClaim | cThreatVerb | cMilNoun | cMilAction | cPresence | cSpace | cEval | cAcquire | cForeign | cDictate | cAid,
	iThreat: cThreat | cThreatVerb | cMilAction | cMilNoun | cAcquire | cInterv | cDispatch | cAid,
	iOffer:  cAid | cMilNoun | cDispatch,
}

// subordinated reports whether a subordinator ("after", "tras", "when")
// comes before the first word of topic c: the act is then reported as
// someone else's, whereas one after it only dates the statement.
func subordinated(ms []match, c cat) bool {
	for i := range ms {
		if ms[i].c&c != 0 {
			return false
		}
		if ms[i].c&cSubord != 0 {
			return true
		}
	}
	return false
}

// unrequest clears the request class of an "asked" that puts a question
// ("Asked whether he would send troops ...", "was asked about"): a question
// put to the speaker is no request from him, so it must not silence what
// he answers; nor is a denial or an offer inside the question his ("Asked
// whether he would rule out using the military, Trump said he would not
// commit"; "Asked whether the US would send troops to Haiti, Rubio said
// ...").
func unrequest(dc *doc, ms []match) {
	for i := range ms {
		m := &ms[i]
		if m.c&cRequest != 0 && i > 0 && within(ms, cCond, m.a-4, m.a) && !within(ms, cNegator, m.a-4, m.a) {
			// "prepared to send troops if Maputo asked for them", "si el
			// Gobierno lo solicita": a request under a condition is the
			// consent the help waits for, like "if asked".
			m.c = m.c&^cRequest | cHelp
			continue
		}
		if m.c&cRequest == 0 || m.b-m.a != 1 || string(dc.word(m.a)) != "asked" {
			continue
		}
		for t := m.b; t < m.b+6 && t < len(dc.toks); t++ {
			if w := string(dc.word(t)); w == "whether" || w == "if" || w == "about" {
				m.c &^= cRequest
				for k := i + 1; k < len(ms) && dc.toks[ms[k].a].gap&(hardGap|gapComma) == 0; k++ {
					ms[k].c &^= cNeg | cOffer | cDispatch
				}
				break
			}
			if dc.toks[t].gap&hardGap != 0 {
				break
			}
		}
	}
}

// onlyAsked reports whether every threat word of the sentence stands in a
// question put to the speaker ("Asked whether the administration intended
// to remove Maduro by force, Rubio said he would not discuss operational
// matters"): declining to answer threatens nothing; answering without a
// refusal ("Could be") does.
func onlyAsked(dc *doc, ms []match) bool {
	end := -1
	for i := range ms {
		m := &ms[i]
		if m.b-m.a != 1 || string(dc.word(m.a)) != "asked" || m.b >= len(dc.toks) {
			continue
		}
		if w := string(dc.word(m.b)); w != "whether" && w != "if" && w != "about" {
			continue
		}
		for t := m.b + 1; t < len(dc.toks); t++ {
			if dc.toks[t].gap&(hardGap|gapComma) != 0 {
				end = t
				break
			}
			if w := dc.word(t); bytes.HasPrefix(w, []byte("rul")) || bytes.HasPrefix(w, []byte("descart")) {
				// "Asked whether he would rule out using military
				// force, he told reporters that he would not": refusing
				// to rule it out is the threat.
				return false
			}
		}
		break
	}
	if end < 0 {
		return false
	}
	refused := false
	for i := range ms {
		if ms[i].a >= end && ms[i].c&(cNegator|cNeg) != 0 {
			refused = true
		}
	}
	if !refused {
		// "Asked whether he would send troops to Nigeria, Trump said:
		// "Could be."": an answer that does not refuse takes the act.
		return false
	}
	for i := range ms {
		if ms[i].a >= end && (ms[i].c&typeTopic[iThreat] != 0 || ms[i].e != nil && ms[i].e.topic&(1<<iThreat) != 0) {
			return false
		}
	}
	return true
}

// relativeEnd returns, when a relative clause opens at token t (", who",
// ", which", ", quien", ", que") or a participle with its agent (", led by",
// ", encabezado por"), the token after its pronoun or preposition; else t.
func relativeEnd(dc *doc, t, end int) int {
	if t >= end || dc.toks[t].gap&gapComma == 0 {
		return t
	}
	switch string(dc.word(t)) {
	case "who", "which", "quien", "quienes", "que":
		return t + 1
	}
	if w := dc.word(t); len(w) > 5 && (bytes.HasSuffix(w, []byte("ing")) || bytes.HasSuffix(w, []byte("ando")) ||
		bytes.HasSuffix(w, []byte("iendo"))) {
		// ", speaking to soldiers at a forward post, warned": a gerund
		// aside, like a relative clause (detect12).
		return t + 1
	}
	if t+1 < end && isAgentAfter(dc, t) {
		return t + 2
	}
	return t
}

// isAgentAfter reports whether token t is a participle and "by"/"por" follows.
func isAgentAfter(dc *doc, t int) bool {
	w := string(dc.word(t + 1))
	return (w == "by" || w == "por") && isParticiple(dc.word(t)) && dc.toks[t+1].gap&hardGap == 0
}

// inAgentAside reports whether token a stands in the agent of a participle
// set off by a comma ("El gobierno de Nicaragua, encabezado por Daniel Ortega
// y Rosario Murillo, acusó"): the people named there qualify the subject
// and do not speak.
func inAgentAside(dc *doc, a, start int) bool {
	for t := a - 1; t > start && a-t <= 8; t-- {
		if isAgentAfter(dc, t-1) && dc.toks[t-1].gap&gapComma != 0 {
			return true
		}
		if dc.toks[t].gap&(hardGap|gapComma) != 0 {
			return false
		}
	}
	return false
}

// relativeClose returns the first token after the comma that closes a
// relative clause whose words start at t, or t when none closes it within
// 25 words.
func relativeClose(dc *doc, t, end int) int {
	for k := t; k < end && k < t+25; k++ {
		if dc.toks[k].gap&hardGap != 0 {
			break
		}
		if dc.toks[k].gap&gapComma != 0 {
			return k
		}
	}
	return t
}

// ownAtClauseEnd reports whether ms[k] (or ms[k+1] after "de"/"of") is the
// speaker's own country, adjacent, and the last word of its clause.
func ownAtClauseEnd(dc *doc, ms []match, k int, own func(*match) bool) bool {
	if k < len(ms) && k > 0 && ms[k].a == ms[k-1].b && ms[k].c&cPrep != 0 && (string(dc.word(ms[k].a)) == "de" || string(dc.word(ms[k].a)) == "of") {
		k++
		if k < len(ms) && ms[k].a != ms[k-1].b {
			return false
		}
	} else if k < len(ms) && ms[k].a != ms[k-1].b {
		return false
	}
	if k >= len(ms) || !own(&ms[k]) || ms[k].e.geo.Kind != geo.KindCountry {
		return false
	}
	b := ms[k].b
	if b < len(dc.toks) && dc.toks[b].gap&^gapPossess == 0 {
		// "es de Venezuela y lo será siempre", "Kosovo es Serbia y lo
		// seguirá siendo", "and always will be": the copula repeated
		// ends the claim (detect12).
		if w := string(dc.word(b)); w == "y" || w == "and" {
			for j := k + 1; j < len(ms) && ms[j].a-b <= 3; j++ {
				if ms[j].c&cCopula != 0 {
					return true
				}
			}
		}
	}
	return b >= len(dc.toks) || dc.toks[b].gap&(gapStop|gapComma|gapQuote|gapNewline) != 0
}

// parenthetical reports whether the speech verb at token a stands alone
// between commas ("Brasil, agregó, no ..."): a Spanish aside whose subject
// is dropped.
func parenthetical(dc *doc, ms []match, a int) bool {
	for i := range ms {
		if ms[i].a == a {
			b := ms[i].b
			return ms[i].c&cSpeech != 0 && dc.toks[a].gap&gapComma != 0 && b < len(dc.toks) && dc.toks[b].gap&gapComma != 0
		}
	}
	return false
}

// controlOfOwn reports whether ms[k] is about control ("share control",
// "el control del canal") in a sentence that names the speaker's own
// country: no other state controlling it asserts the speaker's own rule.
func controlOfOwn(dc *doc, ms []match, k int, own func(*match) bool) bool {
	if !bytes.Contains(dc.folded[dc.toks[ms[k].a].start:dc.toks[ms[k].b-1].end], []byte("control")) {
		return false
	}
	for i := range ms {
		if own(&ms[i]) {
			return true
		}
	}
	return false
}

// newClauseBetween reports whether every match of class a comes before
// every match of class b with a new reported clause in between ("no
// permitirá que China controle el canal y que el ejército está listo para
// actuar", "... and that ..."): the second clause is not the object of the
// first.
func newClauseBetween(dc *doc, ms []match, a, b cat) bool {
	lastA, firstB := -1, -1
	for i := range ms {
		if ms[i].c&a != 0 {
			lastA = ms[i].b
		}
		if ms[i].c&b != 0 && firstB < 0 {
			firstB = ms[i].a
		}
	}
	if lastA < 0 || firstB < lastA {
		return false
	}
	for t := lastA; t+1 < firstB; t++ {
		w, n := string(dc.word(t)), string(dc.word(t+1))
		if (w == "y" || w == "and") && (n == "que" || n == "that") {
			return true
		}
	}
	return false
}

// placeBefore reports whether the word before ms[i] is a capitalised name
// the lexicon does not know (a place: "Crimea", "el Esequibo").
func placeBefore(dc *doc, ms []match, i int) bool {
	t := ms[i].a - 1
	if t < 0 || !dc.toks[t].upper || dc.toks[ms[i].a].gap&(hardGap&^gapQuote) != 0 {
		return false
	}
	return i == 0 || ms[i-1].b <= t
}

// canModal reports whether a modal of ability stands in tokens [a, b):
// could, can, cannot, podrá, puede.
func canModal(dc *doc, a, b int) bool {
	for t := a; t < b && t < len(dc.toks); t++ {
		switch string(dc.word(t)) {
		case "could", "can", "cannot", "podra", "puede", "podria", "podran", "pueden", "podrian":
			return true
		}
	}
	return false
}

// foreignSovereignty reports whether ms[k] is the sovereignty of another
// state than actor: "Mexico's sovereignty", "la soberanía de Venezuela".
func foreignSovereignty(dc *doc, ms []match, k int, actor string) bool {
	if ms[k].c&cSov == 0 || ms[k].c&cSovAssert != 0 {
		return false
	}
	other := func(m *match) bool {
		return m.e != nil && m.e.hasGeo && m.e.geo.Code != "" && m.e.geo.Code != actor && m.e.geo.Kind != geo.KindPerson
	}
	if k > 0 && ms[k-1].b == ms[k].a && dc.toks[ms[k].a].gap&gapPossess != 0 && other(&ms[k-1]) {
		return true
	}
	if k+2 < len(ms) && ms[k+1].a == ms[k].b && ms[k+2].a == ms[k+1].b && ms[k+1].c&cPrep != 0 && other(&ms[k+2]) {
		w := string(dc.word(ms[k+1].a))
		return w == "of" || w == "de" || w == "del"
	}
	return false
}

// onlyForeignSovereignty reports whether every assertion topic word of the
// sentence is the sovereignty of another state than actor.
func onlyForeignSovereignty(dc *doc, ms []match, actor string) bool {
	seen := false
	for k := range ms {
		if ms[k].c&typeTopic[iAssert] == 0 {
			continue
		}
		if !foreignSovereignty(dc, ms, k, actor) {
			return false
		}
		seen = true
	}
	return seen
}

// anyVeto reports whether the model may veto one of the fired types.
func anyVeto(m *model, fired *[4]bool) bool {
	for t, f := range fired {
		if f && m.veto[t] > 0 {
			return true
		}
	}
	return false
}

// apposedName reads an unknown name that a title or a spokesman's body
// stands in apposition to: "Patrick Muyaya, the Congolese government's
// spokesman, said", "Armen Grigoryan, the secretary of Armenia's Security
// Council, warned". The name (two to four capitalised words the tables do
// not know) opens the sentence or a clause; it becomes a person speaking
// for the title's country.
func (d *Detector) apposedName(dc *doc, ms []match, mt mention, s sentence) mention {
	if mt.kind == mBody && mt.role == 0 && !spokesBody(dc, mt) {
		return mt
	}
	p := mt.a
	if p > s.a && isArticle(dc.word(p-1)) {
		p--
	}
	if p <= s.a || dc.toks[p].gap&gapComma == 0 || dc.toks[p].gap&(hardGap&^gapQuote) != 0 {
		return mt
	}
	e := p
	a := p
	for a > s.a && e-a < 4 && dc.toks[a-1].upper && !nameStops[string(dc.word(a-1))] && !d.startsMatch(ms, a-1) &&
		(a == e || dc.toks[a].gap == 0) {
		a--
	}
	if e-a < 2 || !(a == s.a || dc.toks[a].gap&(gapComma|hardGap) != 0) {
		return mt
	}
	sp := speaker{name: dc.origSpan(a, e), code: mt.sp.code, role: mt.role}
	if mt.female {
		sp.gender = 'f'
	}
	// The name opens the sentence or a clause, so it is no object even
	// when the title's "a" read as a preposition made the title one.
	return mention{a: a, b: mt.b, kind: mPerson, sp: sp}
}

// spokesBody reports whether a body mention ends in a spokesman's title
// ("the Chinese defence ministry spokesman").
func spokesBody(dc *doc, mt mention) bool {
	switch string(dc.word(mt.b - 1)) {
	case "spokesman", "spokeswoman", "spokesperson", "portavoz", "vocero", "vocera":
		return true
	}
	return false
}

// isMission reports whether a body is a diplomatic mission, which the news
// names with its host city or country.
func isMission(dc *doc, m *match) bool {
	switch string(dc.word(m.b - 1)) {
	case "embassy", "embajada", "consulate", "consulado":
		return true
	}
	return false
}

// statementAuthor reports whether a body or person is the author of a
// statement that an attribution verb introduces: "afirma el comunicado de
// la Cancillería colombiana", "según un comunicado del Ministerio de
// Relaciones Exteriores", "said a statement from the foreign ministry".
// Without the verb the statement may be what is spoken of ("rejected the
// statement by the State Department").
func statementAuthor(dc *doc, ms []match, mt *mention, s sentence) bool {
	if mt.kind != mBody && mt.kind != mPerson {
		return false
	}
	t := mt.a
	if t > s.a && isArticle(dc.word(t-1)) {
		t--
	}
	if t-2 < s.a || !authorPrep[string(dc.word(t-1))] || !statementNouns[string(dc.word(t-2))] {
		return false
	}
	t -= 2
	if t > s.a && determiners[string(dc.word(t-1))] {
		t--
	}
	return t > s.a && within(ms, cSpeech, t-1, t) && !dc.toks[t-1].inQuote
}

// former turns a title or body held in the past ("two former State
// Department officials", "a former US envoy") into a commentator: they no
// longer speak for the state.
// ecmVerbs expect, urge or ask someone to act: "expected the
// administration to order", "urged Washington to send".
var ecmVerbs = map[string]bool{"expected": true, "expects": true, "expect": true, "expecting": true,
	"urged": true, "urges": true, "urge": true, "urging": true, "asked": true, "asks": true, "ask": true,
	"wants": true, "wanted": true, "want": true, "pressed": true, "pushed": true, "encouraged": true,
	"encourages": true, "invited": true, "invites": true, "believed": true, "believes": true}

// ecmObject says whether mention mt stands between such a verb (an article
// allowed) and "to": the one expected to act, not the one who speaks.
func ecmObject(dc *doc, mt *mention, s sentence) bool {
	if mt.b >= s.b || string(dc.word(mt.b)) != "to" {
		return false
	}
	k := mt.a - 1
	if k > s.a {
		if w := string(dc.word(k)); w == "the" || w == "its" || w == "their" || w == "his" || w == "her" {
			k--
		}
	}
	return k >= s.a && ecmVerbs[string(dc.word(k))]
}

func former(dc *doc, s sentence, mt mention) mention {
	if mt.a > s.a && mt.kind != mNonState {
		if w := string(dc.word(mt.a - 1)); w == "former" || w == "ex" || w == "antiguo" || w == "antigua" {
			return mention{a: mt.a - 1, b: mt.b, kind: mNonState}
		}
	}
	return mt
}

// deniedThat reports whether m is a denial of a reported fact ("negó que
// haya autorizado", "denied that it had allowed"): it reassures rather
// than refuses.
func deniedThat(dc *doc, m *match) bool {
	if m.b >= len(dc.toks) || !hasThat(dc, m.b, m.b+1) {
		return false
	}
	switch string(dc.word(m.a)) {
	case "denied", "denies", "deny", "nego", "niega", "negaron", "niegan", "desmintio", "desmiente", "desmintieron", "desmienten":
		return true
	}
	return false
}

// sentenceCats is the union of the sentence's classes, but a market or
// finance word after a subordinator ("..., horas después de que el
// Departamento del Tesoro lo sancionara") is in a reported clause and does
// not make the sentence a market report.
func sentenceCats(ms []match) cat {
	var has cat
	sub := false
	for i := range ms {
		c := ms[i].c
		if sub {
			c &^= cSuppress
		}
		sub = sub || c&cSubord != 0
		has |= c
	}
	return has
}

// isProtest reports whether a rejection match is a diplomatic protest
// ("protest", "protesta", "lodged a formal protest").
func isProtest(dc *doc, m *match) bool {
	return bytes.Contains(dc.folded[dc.toks[m.a].start:dc.toks[m.b-1].end], []byte("protest"))
}

// attackedSovereignty marks as a violation an attack that a few words
// later is aimed at a sovereignty ("ataque sin precedentes contra la
// soberanía", "strikes on our sovereign territory"): like "a violation of
// Colombia's sovereignty", that sovereignty is a rejection's object, not
// an assertion.
func attackedSovereignty(dc *doc, ms []match) {
	for i := range ms {
		if ms[i].c&cSov == 0 || ms[i].c&cSovAssert != 0 {
			continue
		}
		for k := i - 1; k >= 0 && ms[i].a-ms[k].b <= 4; k-- {
			if ms[k].c&(cMilAction|cInterv) != 0 && ms[k].c&cViolation == 0 && within(ms, cAgainst|cPrep, ms[k].b, ms[i].a) &&
				!gapBetween(dc, ms[k].b, ms[i].a) {
				ms[k].c |= cViolation
				break
			}
		}
	}
}

// ownedNext reports whether the copula at ms[i] is followed by "ours" or
// by "part of" the speaker's own country.
func ownedNext(dc *doc, ms []match, i int, own func(*match) bool) bool {
	t := ms[i].b
	if t >= len(dc.toks) || dc.toks[t].gap&hardGap != 0 {
		return false
	}
	switch string(dc.word(t)) {
	case "ours", "nuestro", "nuestra", "nuestros", "nuestras":
		return true
	case "part", "parte":
		for k := i + 1; k < len(ms) && ms[k].a-t <= 3; k++ {
			if own(&ms[k]) {
				return true
			}
		}
	}
	return false
}

// subjectOfVerbAt reports whether the speech verb ending at token end has
// its subject right before it ("Trump said Petro \"had better watch it\"")
// or takes an object: then a name after the verb opens the reported clause
// or is the object, and does not close a trailing attribution.
func subjectOfVerbAt(dc *doc, ms []match, ments []mention, end int) bool {
	for i := range ms {
		if ms[i].b != end {
			continue
		}
		if ms[i].c&(cReject|cCall|cDictate) != 0 {
			// "and accused Caracas of ...", "called Trump's remarks",
			// "told Manila": these verbs take the name as their object.
			return true
		}
		for k := range ments {
			if ments[k].b == ms[i].a && !ments[k].object && ments[k].kind != mNonState && dc.toks[ms[i].a].gap == 0 {
				return true
			}
		}
	}
	return false
}

// titleBody extends a title ending at ms[j] over the body it belongs to
// ("la portavoz del Ministerio de Defensa camboyano", "the spokeswoman of
// Cambodia's defence ministry"), so that the holder named after it in
// apposition is found and speaks for the body's country. It returns the
// index of the last match taken.
func (d *Detector) titleBody(dc *doc, ms []match, j int, mt *mention, st *passageState) int {
	k := j + 1
	if k >= len(ms) || ms[k].a != ms[j].b {
		return j
	}
	possessive := dc.toks[ms[j].b].gap&gapPossess != 0 && isDemonymOrCountry(ms[j])
	if !possessive {
		if w := string(dc.word(ms[k].a)); w != "de" && w != "del" && w != "of" && w != "for" {
			return j
		}
		if k++; k < len(ms) && ms[k].c&cArticle != 0 && ms[k].a == ms[k-1].b {
			k++
		}
	}
	if k >= len(ms) || ms[k].a != ms[k-1].b || ms[k].c&cBody == 0 {
		return j
	}
	bm := d.bodyMention(dc, ms, &k, st)
	if mt.sp.code == "" {
		mt.sp.code = bm.sp.code
	}
	return k
}

// modalWord reports whether w is a modal or a future or conditional form
// that announces the speaker's act: "will", "would", "podríamos", "haremos".
func modalWord(w []byte) bool {
	switch string(w) {
	case "will", "would", "could", "may", "might", "shall", "'ll", "va", "vamos", "van", "going":
		return true
	}
	return bytes.HasPrefix(w, []byte("podri")) || bytes.HasPrefix(w, []byte("podra")) ||
		len(w) > 6 && (bytes.HasSuffix(w, []byte("remos")) || bytes.HasSuffix(w, []byte("riamos")))
}

// selfHelp finds an act the speaker announces doing "ourselves", "itself",
// "nosotros mismos", "por sí mismo": a modal or future within eight words
// before the reflexive, no negator between. It returns the index of the
// match nearest the reflexive, or -1.
func selfHelp(dc *doc, ms []match, s sentence) int {
	for t := s.a; t < s.b; t++ {
		w := dc.word(t)
		refl := false
		switch string(w) {
		case "ourselves", "itself", "themselves":
			refl = true
		case "mismos", "mismo", "misma", "mismas":
			if t > s.a {
				p := string(dc.word(t - 1))
				refl = p == "nosotros" || p == "si" || p == "ellos"
			}
		}
		if !refl {
			continue
		}
		for u := t - 1; u >= s.a && u >= t-8; u-- {
			if dc.toks[u+1].gap&hardGap != 0 {
				break
			}
			uw := dc.word(u)
			if string(uw) == "not" || string(uw) == "no" || string(uw) == "never" || string(uw) == "nunca" {
				break
			}
			if modalWord(uw) {
				best := -1
				for i := range ms {
					if ms[i].a <= t && ms[i].a >= u-2 {
						best = i
					}
				}
				if best < 0 {
					for i := range ms {
						if ms[i].a < t {
							best = i
						}
					}
				}
				return best
			}
		}
	}
	return -1
}

// responseWillBe finds a response or retaliation announced in the future
// ("la respuesta será inmediata", "the response will come"), not another
// state's ("la respuesta de Washington", "Beijing's response"): the index
// of its match, or -1.
func responseWillBe(dc *doc, ms []match) int {
	for i := range ms {
		if ms[i].c&cWarn == 0 || ms[i].b >= len(dc.toks) {
			continue
		}
		w := dc.word(ms[i].b - 1)
		if futureResponse(dc, ms, i) {
			return i
		}
		if !bytes.HasPrefix(w, []byte("respons")) && !bytes.HasPrefix(w, []byte("respuesta")) &&
			!bytes.HasPrefix(w, []byte("retaliation")) && !bytes.HasPrefix(w, []byte("represalia")) &&
			string(w) != "reply" && string(w) != "answer" && string(w) != "replica" {
			continue
		}
		if ms[i].a > 0 && dc.toks[ms[i].a].gap&gapPossess != 0 {
			continue
		}
		if n := string(dc.word(ms[i].b)); n == "de" || n == "del" || n == "of" || n == "from" {
			continue
		}
		for t := ms[i].b; t < ms[i].b+4 && t < len(dc.toks); t++ {
			if dc.toks[t].gap&hardGap != 0 {
				break
			}
			switch string(dc.word(t)) {
			case "sera", "seria", "llegara", "vendra", "will", "would":
				return i
			}
		}
	}
	return -1
}

// condBefore returns the index of an "if"/"si" at most four words before
// match j in the same clause, or -1.
func condBefore(dc *doc, ms []match, j int) int {
	for i := j - 1; i >= 0 && ms[j].a-ms[i].b <= 4; i-- {
		if commaBetween(dc, ms[i].b, ms[j].a) {
			return -1
		}
		if ms[i].c&cCond != 0 {
			return i
		}
	}
	return -1
}

// authorisedForce finds a permission, not in the past and not negated,
// of a military act within six words after it ("authorising strikes
// on", "would authorise the president to use the armed forces",
// "autorizar el uso de la fuerza"), with no other state's forces between
// ("allow US troops to ...": hosting, not threatening). It returns the
// index of the act, or -1.
func authorisedForce(dc *doc, ms []match, actor string) int {
	for i := range ms {
		if ms[i].c&cPermit == 0 || ms[i].b-ms[i].a != 1 || negatedAt(ms, i) {
			continue
		}
		w := dc.word(ms[i].a)
		if !bytes.HasPrefix(w, []byte("authori")) && !bytes.HasPrefix(w, []byte("autoriz")) ||
			bytes.HasSuffix(w, []byte("ed")) || bytes.HasSuffix(w, []byte("ado")) || bytes.HasSuffix(w, []byte("ada")) {
			continue
		}
		for j := i + 1; j < len(ms) && ms[j].a-ms[i].b <= 6; j++ {
			if e := ms[j].e; e != nil && e.hasGeo && e.geo.Code != "" && e.geo.Code != actor {
				break
			}
			if ms[j].c&(cMilAction|cThreatVerb|cThreat) != 0 {
				return j
			}
			if ms[j].c&cAid != 0 && ms[j].c&cBody != 0 && following(dc, ms, j, cAgainst, 4) >= 0 {
				// "to use the armed forces against"
				return j
			}
		}
	}
	return -1
}

// threatenedWith reports whether a verb of threatening ("threatened",
// "amenazó") stands at most six words before match i, with "with"/"con"
// between and no clause break: the thing threatened with.
func threatenedWith(dc *doc, ms []match, i int) bool {
	for k := i - 1; k >= 0 && ms[i].a-ms[k].b <= 6; k-- {
		if ms[k].c&(cBreak|cSpeech) != 0 {
			return false
		}
		w := dc.word(ms[k].a)
		if ms[k].c&(cStance|cThreat) == 0 || !bytes.HasPrefix(w, []byte("threaten")) && !bytes.HasPrefix(w, []byte("amenaz")) {
			continue
		}
		for t := ms[k].b; t < ms[i].a; t++ {
			if dc.toks[t].gap&hardGap != 0 {
				return false
			}
			if v := string(dc.word(t)); v == "with" || v == "con" {
				return true
			}
		}
		return false
	}
	return false
}

// docNouns are the unnamed authors of a statement that continue the body or
// person who issued it: "the department said", "señala el texto".
var docNouns = setOf("department", "ministry", "statement", "text", "texto", "comunicado", "communique", "nota",
	"declaracion", "documento", "document", "resolucion", "resolution", "ministerio", "cancilleria", "office")

// fallbackSpeaker finds the speaker of a sentence no attribution rule
// resolved (detect12). It returns the index of the mention that speaks, -2
// (-1 for a speaker not named in the sentence) and whether one was found:
//   - a colon opening a quotation after a subject with no verb of speech
//     ("José Raúl Mulino abrió la sesión con un mensaje claro: «...»");
//   - a verb of speech coordinated after the subject's first verb ("La
//     presidenta Dina Boluarte viajó a ..., y dijo que");
//   - a bare surname of a person named earlier in the passage next to a
//     verb of speech ("..., Lin told a regular briefing", "Lai said");
//   - a document or department noun next to a verb of speech ("the
//     department said", "señala el texto") continues the last speaker.
func (d *Detector) fallbackSpeaker(dc *doc, s sentence, ms []match, ments []mention, st *passageState) (speaker, int, bool) {
	subject := -1
	for i := range ments {
		mt := &ments[i]
		if mt.object || mt.kind == mNonState || mt.kind == mPronoun || mt.kind == mCountry && dateline(dc, mt) {
			continue
		}
		if mt.kind == mPerson || mt.kind == mBody && mt.sp.code != "" {
			subject = i
		}
		break
	}
	speech := -1
	for i := range ms {
		if ms[i].c&cSpeech != 0 && !dc.toks[ms[i].a].inQuote {
			speech = i
			break
		}
	}
	if subject >= 0 && ments[subject].a <= s.a+6 {
		mt := &ments[subject]
		if speech < 0 {
			for k := mt.b + 1; k < s.b; k++ {
				if colonBefore(dc, k) && dc.toks[k].inQuote && !dc.toks[k-1].inQuote {
					return mt.sp, subject, true
				}
			}
		} else if a := ms[speech].a; a > mt.b && a-1 > s.a && !subjectBetween(ments, mt.b, a) {
			if w := string(dc.word(a - 1)); w == "y" || w == "and" {
				return mt.sp, subject, true
			}
		}
	}
	if speech < 0 {
		return speaker{}, -1, false
	}
	for i := range ms {
		if ms[i].c&cSpeech == 0 || dc.toks[ms[i].a].inQuote {
			continue
		}
		a, b := ms[i].a, ms[i].b
		for _, t := range [2]int{a - 1, b} {
			if t < s.a || t >= s.b || dc.toks[t].inQuote || !dc.toks[t].upper || d.startsMatch(ms, t) {
				continue
			}
			w := string(dc.word(t))
			for k := len(st.people) - 1; k >= 0; k-- {
				p := &st.people[k]
				if p.code == "" {
					continue
				}
				name := geo.Key(p.name)
				first, last := name, name
				if j := strings.IndexByte(name, ' '); j > 0 {
					first = name[:j]
				}
				if j := strings.LastIndexByte(name, ' '); j > 0 {
					last = name[j+1:]
				}
				if w == first || w == last {
					return speaker{name: p.name, code: p.code, gender: p.gender, role: p.role}, -1, true
				}
			}
		}
		if st.lastSpeaker != nil {
			for t := max(s.a, a-2); t < min(s.b, b+2); t++ {
				if (t < a || t >= b) && !dc.toks[t].inQuote && docNouns[string(dc.word(t))] && !d.startsMatch(ms, t) {
					return *st.lastSpeaker, -1, true
				}
			}
		}
	}
	return speaker{}, -1, false
}

// otherCountryBefore reports whether another state than the actor's, as a
// country name, stands right before the copula at ms[i] ("Kosovo es
// Serbia"): a land claimed as part of the speaker's.
func otherCountryBefore(ms []match, i int, actor string) bool {
	if i == 0 || ms[i-1].b != ms[i].a {
		return false
	}
	e := ms[i-1].e
	return e != nil && e.hasGeo && e.geo.Kind == geo.KindCountry && e.geo.Code != "" && e.geo.Code != actor
}

// ownSovereignPredicate reports whether a sovereignty word follows the
// copula at ms[i] within four words, in the same clause, unnegated.
func ownSovereignPredicate(dc *doc, ms []match, i int) bool {
	for k := i + 1; k < len(ms) && ms[k].a-ms[i].b <= 4; k++ {
		if dc.toks[ms[k].a].gap&hardGap != 0 {
			return false
		}
		if ms[k].c&(cNegator|cNeg|cViolation) != 0 {
			return false
		}
		if ms[k].c&cSov != 0 {
			return true
		}
	}
	return false
}

// ownHands returns the speaker's own demonym in "in Panamanian hands" or
// "en manos panameñas" (not negated), else -1.
func ownHands(dc *doc, ms []match, actor string) int {
	for j := range ms {
		e := ms[j].e
		if e == nil || !e.hasGeo || e.geo.Kind != geo.KindDemonym || e.geo.Code != actor || actor == "" {
			continue
		}
		a, b := ms[j].a, ms[j].b
		if a > 0 && b < len(dc.toks) && string(dc.word(a-1)) == "in" && string(dc.word(b)) == "hands" && !negatedAt(ms, j) ||
			a > 1 && string(dc.word(a-1)) == "manos" && string(dc.word(a-2)) == "en" && !negatedAt(ms, j) {
			return j
		}
	}
	return -1
}

// sameHead reports whether the one-word body name short (after an article)
// is a word of the longer name: "ministry" in "Nigeria's foreign ministry".
func sameHead(short, long string) bool {
	k := geo.Key(trimArticle(short))
	if k == "" || strings.IndexByte(k, ' ') >= 0 {
		return false
	}
	for _, w := range strings.Fields(geo.Key(long)) {
		if w == k || ministryWords[k] && ministryWords[w] {
			return true
		}
	}
	return false
}

// ministryWords name a ministry whatever its title: "el ministerio" resumes
// "la Cancillería peruana".
var ministryWords = setOf("ministry", "ministerio", "cancilleria", "department", "departamento", "secretaria", "office")

// oppositionTitle reports whether the unnamed title mention mt is
// qualified as the opposition's ("un diputado de la oposición", "opposition
// lawmaker", "dirigente opositor"): a commentator, not the state.
func oppositionTitle(dc *doc, mt mention, s sentence) bool {
	for t := max(s.a, mt.a-1); t < min(s.b, mt.b+4); t++ {
		switch string(dc.word(t)) {
		case "oposicion", "opositor", "opositora", "opositores", "opposition":
			return true
		}
	}
	return false
}

// futureResponse reports whether the answering verb at ms[i] is the
// speaker's side's future answer: "Responderemos con todos los medios",
// "Our navy will answer,", "the Baltic Fleet will respond with force", but
// not "responderemos a la carta" nor "we will answer questions".
func futureResponse(dc *doc, ms []match, i int) bool {
	a, b := ms[i].a, ms[i].b
	if b-a != 1 {
		return false
	}
	next := ""
	if b < len(dc.toks) && dc.toks[b].gap&(hardGap|gapComma) == 0 {
		next = string(dc.word(b))
	}
	switch string(dc.word(a)) {
	case "responderemos", "contestaremos", "responderan", "contestaran":
		return next == "con" || next == ""
	case "answer", "respond", "retaliate":
		if a < 2 || string(dc.word(a-1)) != "will" || next != "" && next != "with" {
			return false
		}
		subj := string(dc.word(a - 2))
		if subj == "we" {
			return true
		}
		for k := range ms {
			if ms[k].b == a-1 && ms[k].c&cMilNoun != 0 {
				return true
			}
		}
	}
	return false
}

// continuedAction returns a military action followed, in its clause, by a
// future of "continue" ("the strikes will continue", "los ataques
// continuarán", "operations would go on"), else -1.
func continuedAction(dc *doc, ms []match) int {
	for i := range ms {
		if ms[i].c&(cMilAction|cThreat) == 0 {
			continue
		}
		for t := ms[i].a + 1; t <= ms[i].b+2 && t < len(dc.toks); t++ {
			if t >= ms[i].b && dc.toks[t].gap&(hardGap|gapComma) != 0 {
				break
			}
			switch string(dc.word(t)) {
			case "continuaran", "seguiran", "proseguiran":
				return i
			case "continue", "go":
				if w := string(dc.word(t - 1)); w == "will" || w == "would" {
					return i
				}
			}
		}
	}
	return -1
}

// dateline reports whether the place mention mt opens a dateline ("LIMA -",
// "CIUDAD DE PANAMÁ -"): in capitals and followed by a dash.
func dateline(dc *doc, mt *mention) bool {
	return mt.b < len(dc.toks) && dc.toks[mt.a].allUpper && dc.toks[mt.b].gap&gapComma != 0 &&
		bytes.IndexByte(dc.folded[dc.toks[mt.b-1].end:dc.toks[mt.b].start], '-') >= 0
}

// foreignStateAt reports whether token t is part of a gazetteer match of
// another state than actor.
func foreignStateAt(ms []match, t int, actor string) bool {
	for k := range ms {
		if ms[k].a <= t && t < ms[k].b && ms[k].e != nil && ms[k].e.hasGeo && ms[k].e.geo.Code != actor {
			return true
		}
	}
	return false
}
