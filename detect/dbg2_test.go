package detect

import (
	"os"
	"testing"
)

func TestDebugClassify(t *testing.T) {
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
	var st passageState
	for _, s := range dc.sentences(nil, func(w []byte) bool { return d.starters[string(w)] }) {
		var ms []match
		for _, m := range dc.ms {
			if m.a >= s.a && m.a < s.b {
				ms = append(ms, m)
			}
		}
		tc := classify(dc, ms)
		ments := d.mentions(dc, s, ms, &st)
		sp, idx, ok := d.pickSpeaker(dc, s, ms, ments, &st)
		t.Logf("%q fired=%v cues=%v ments=%+v sp=%+v %d %v", text[s.o0:s.o1], tc.fired, tc.cues, ments, sp, idx, ok)
	}
}
