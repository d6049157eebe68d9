package bot

import (
	"reflect"
	"testing"

	"sovwatch/news"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"plain", "en", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"U.S. inside", "en", "The U.S. Navy moved ships. Mexico protested.", []string{"The U.S. Navy moved ships.", "Mexico protested."}},
		{"titles", "en", "Mr. Trump spoke to Dr. Smith on Jan. 5. Then he left.", []string{"Mr. Trump spoke to Dr. Smith on Jan. 5.", "Then he left."}},
		{"initial", "en", "Said J. Smith. Later", []string{"Said J. Smith.", "Later"}},
		{"quote closes", "en", `He said "No." She agreed.`, []string{`He said "No."`, "She agreed."}},
		{"lower-case next", "en", "It rose 3.5 p.c. over time. e.g. not split", []string{"It rose 3.5 p.c. over time. e.g. not split"}},
		{"EE.UU.", "es", "Rechazó la intervención de EE.UU. en México. ¿Habrá acuerdo? El Sr. Ebrard viaja.",
			[]string{"Rechazó la intervención de EE.UU. en México.", "¿Habrá acuerdo?", "El Sr. Ebrard viaja."}},
		{"EE. UU. spaced", "es", "Habló con EE. UU. Luego calló.", []string{"Habló con EE. UU. Luego calló."}},
		{"guillemets", "es", "«No aceptamos», dijo. «Nunca.» Fin.", []string{"«No aceptamos», dijo.", "«Nunca.»", "Fin."}},
		{"empty", "en", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text, tt.lang); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	art := news.Article{
		Language: "en",
		Summary:  "Mexico rejected U.S. strikes. \u201cCooperation yes, subordination no,\u201d she said. Talks go on. A fourth.",
	}
	sts := []news.Statement{
		{Sentence: "“Cooperation yes, subordination no,” she said."}, // repeats the lead's second sentence
		{Sentence: "Canada offered help."},
	}
	tests := []struct {
		name string
		art  news.Article
		sts  []news.Statement
		max  int
		want []string
	}{
		{"lead, statements, then lead", art, sts, 3, []string{"Mexico rejected U.S. strikes.", "“Cooperation yes, subordination no,” she said.", "Canada offered help."}},
		{"cap", art, sts, 2, []string{"Mexico rejected U.S. strikes.", "“Cooperation yes, subordination no,” she said."}},
		{"no statements", art, nil, 3, []string{"Mexico rejected U.S. strikes.", "\u201cCooperation yes, subordination no,\u201d she said.", "Talks go on."}},
		{"text when no summary", news.Article{Text: "Body one. Body two."}, nil, 3, []string{"Body one.", "Body two."}},
		{"contained sentence replaced by longer", news.Article{Summary: "Short claim."}, []news.Statement{{Sentence: "Short claim, said the minister."}}, 3,
			[]string{"Short claim, said the minister."}},
		{"nothing", news.Article{}, nil, 3, nil},
		{"zero max", art, sts, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summary(tt.art, tt.sts, tt.max); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
