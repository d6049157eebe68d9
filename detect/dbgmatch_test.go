package detect

import (
	"os"
	"testing"
)

func TestDebugMatches(t *testing.T) {
	text := os.Getenv("DEBUG_TEXT")
	if text == "" {
		t.Skip()
	}
	d, _ := New(Options{})
	dc := &doc{}
	dc.reset(text)
	dc.fold()
	dc.tokenize(func(w []byte) bool { return d.abbr[string(w)] })
	d.findMatches(dc)
	for _, m := range dc.ms {
		g := ""
		if m.e != nil && m.e.hasGeo {
			g = m.e.geo.Code
		}
		t.Logf("%q c=%b geo=%s q=%v", dc.origSpan(m.a, m.b), m.c, g, dc.toks[m.a].inQuote)
	}
}

func TestDebugAnalyze(t *testing.T) {
	text := os.Getenv("DEBUG_TEXT")
	if text == "" {
		t.Skip()
	}
	d, _ := New(Options{})
	r := d.Analyze(text, "")
	for _, s := range r.Statements {
		t.Logf("%+v", s)
	}
	dc := &doc{}
	dc.reset(text)
	dc.fold()
	dc.tokenize(func(w []byte) bool { return d.abbr[string(w)] })
	for _, s := range dc.sentences(nil, func(w []byte) bool { return d.starters[string(w)] }) {
		t.Logf("sentence %q", text[s.o0:s.o1])
	}
}
