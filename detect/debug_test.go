package detect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDebugPassage prints the full analysis of the passages (from any set) named in
// DEBUG_IDS (comma-separated), for working on the rules.
func TestDebugPassage(t *testing.T) {
	ids := os.Getenv("DEBUG_IDS")
	if ids == "" {
		t.Skip("set DEBUG_IDS")
	}
	d, err := New(Options{RulesOnly: os.Getenv("DEBUG_RULES") != ""})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range strings.Split(ids, ",") {
		want[id] = true
	}
	files, _ := filepath.Glob("testdata/*.yaml")
	var ps []passage
	for _, f := range files {
		ps = append(ps, loadCorpus(t, f)...)
	}
	for _, p := range ps {
		if !want[p.ID] {
			continue
		}
		r := d.Analyze(p.Text, "")
		b, _ := json.MarshalIndent(r, "", " ")
		t.Logf("%s\n%s\n%s\n%s", p.ID, p.Text, matchDump(d, p.Text), b)
	}
}

var catNames = []string{"cSov", "cSovAssert", "cViolation", "cReject", "cInterv", "cIntervWeak", "cClaim", "cRejectPhrase", "cThreat", "cThreatVerb", "cNotRuleOut", "cNeg", "cOffer", "cAid", "cRequest", "cCond", "cForeignMod", "cSpeech", "cStance", "cTitle", "cBody", "cPronoun", "cNonState", "cSuppress", "cBlock", "cPrep", "cHedge", "cArticle", "cBreak", "cAgainst", "cPermit", "cWarn", "cSubord", "cForeign", "cCall", "cTerritory", "cNegator", "cDecide", "cBelong", "cDispatch", "cMilNoun", "cThreatMark", "cHelp", "cOtherState", "cDictate", "cDenySov", "cPeaceful", "cEval", "cStop", "cModal", "cNegotiate", "cCivil", "cCopula", "cAcquire", "cDefend", "cDemand", "cWithdraw", "cSpace", "cPresence", "cPlan", "cMilAction", "cSale", "cConsent", "cYield"}

// matchDump lists the phrases found in text with their cue categories.
func matchDump(d *Detector, text string) string {
	dc := new(doc)
	dc.reset(text)
	dc.fold()
	dc.tokenize(func(w []byte) bool { return d.abbr[string(w)] })
	d.findMatches(dc)
	var b strings.Builder
	for _, m := range dc.ms {
		b.WriteString(dc.origSpan(m.a, m.b) + "[")
		for i, n := range catNames {
			if m.c&(1<<i) != 0 {
				b.WriteString(n[1:] + " ")
			}
		}
		if m.e != nil && m.e.hasGeo {
			b.WriteString("geo:" + m.e.geo.Code)
		}
		b.WriteString("] ")
	}
	return b.String()
}
