package detect

import (
	"slices"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		lemma  string
		es     bool
		future bool
		want   []string // forms that must be present
		absent []string // forms that must not
	}{
		{lemma: "reject", want: []string{"reject", "rejects", "rejected", "rejecting"}},
		{lemma: "denounce", want: []string{"denounces", "denounced", "denouncing"}},
		{lemma: "decry", want: []string{"decries", "decried"}},
		{lemma: "object to", want: []string{"objects to", "objected to", "objecting to"}},
		{lemma: "strike|striking", future: true, want: []string{"strike", "striking"}, absent: []string{"strikes", "striked"}},
		{lemma: "=stated", want: []string{"stated"}, absent: []string{"state"}},
		{lemma: "rechazar", es: true, want: []string{"rechaza", "rechazan", "rechazó", "rechazaron", "rechazará", "rechazaría", "rechazado"}},
		{lemma: "repeler", es: true, want: []string{"repele", "repelió", "repelerá", "repelido"}},
		{lemma: "exigir|exige", es: true, want: []string{"exige", "exigió", "exigirá"}},
		{lemma: "arremeter contra", es: true, want: []string{"arremetió contra", "arremeterá contra"}},
		{lemma: "atacar", es: true, future: true, want: []string{"atacar", "atacará", "atacaría"}, absent: []string{"atacó", "ataca"}},
	}
	for _, tt := range tests {
		t.Run(tt.lemma, func(t *testing.T) {
			var got []string
			if tt.es {
				got = esForms(tt.lemma, tt.future)
			} else {
				got = enForms(tt.lemma, tt.future)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: missing %q in %v", tt.lemma, w, got)
				}
			}
			for _, w := range tt.absent {
				if slices.Contains(got, w) {
					t.Errorf("%q: unexpected %q in %v", tt.lemma, w, got)
				}
			}
		})
	}
}

// TestUnseenPhrasing pins a few paraphrases that only the verb classes,
// the compositional rules and the back-off find.
func TestUnseenPhrasing(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, typ, speaker, actor string
	}{
		{"The raid was condemned by Pakistan's foreign office as a flagrant breach of the country's territorial integrity.",
			"intervention_rejection", "Pakistan's foreign office", "PK"},
		{"Mulino: canal \"is and will remain Panamanian\"", "sovereignty_assertion", "José Raúl Mulino", "PA"},
		{"La junta militar de Níger exigió la retirada inmediata de las tropas francesas.", "intervention_rejection",
			"junta militar de Níger", "NE"},
		{"Trump dijo que «tal vez» tenga que enviar tropas a México si el Gobierno mexicano no controla a los cárteles.",
			"intervention_threat", "Donald Trump", "US"},
		{"Greenland's premier told Danish radio that the island was \"not a piece of real estate\" to be bought by anyone.",
			"sovereignty_assertion", "Jens-Frederik Nielsen", "GL"},
	}
	for _, tt := range tests {
		r := d.Analyze(tt.text, "")
		found := false
		for _, s := range r.Statements {
			if string(s.Type) == tt.typ && s.Speaker == tt.speaker && s.Actor == tt.actor {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s by %s/%s, got %+v", tt.text, tt.typ, tt.speaker, tt.actor, r.Statements)
		}
	}
}
