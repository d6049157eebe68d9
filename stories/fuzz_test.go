package stories

import (
	"slices"
	"testing"
)

// FuzzCompute feeds untrusted article text to the fingerprint: it must not
// panic, must be deterministic, and must survive its own encoding.
func FuzzCompute(f *testing.F) {
	for _, s := range corpus[:6] {
		f.Add(s.lang, s.title, s.body)
	}
	f.Add("es", "¿Qué?\u0301\u0301 ÑANDÚ \xff\xfe", "a\u200bb c\x00d")
	f.Fuzz(func(t *testing.T, lang, title, body string) {
		fp := Compute(lang, title, body)
		again := Compute(lang, title, body)
		if fp.Sig != again.Sig || !slices.Equal(fp.Title, again.Title) {
			t.Fatal("not deterministic")
		}
		b, err := fp.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Fingerprint
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatal(err)
		}
		if back.Sig != fp.Sig || back.Shingles != fp.Shingles || back.Lang != fp.Lang || !slices.Equal(back.Title, fp.Title) {
			t.Fatal("round trip changed the fingerprint")
		}
	})
}

// FuzzUnmarshal reads stored bytes, which a damaged database can corrupt: it
// must return an error rather than panic.
func FuzzUnmarshal(f *testing.F) {
	fp := Compute("en", corpus[0].title, corpus[0].body)
	b, _ := fp.MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 2, 'e', 'n', 0, 3, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		var fp Fingerprint
		_ = fp.UnmarshalBinary(b)
	})
}
