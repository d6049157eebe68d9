package detect

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"sovwatch/geo"
	"sovwatch/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDoneWhen is the acceptance example of issue 4.
func TestDoneWhen(t *testing.T) {
	d := newDetector(t)
	r := d.Analyze(`Mexican President Claudia Sheinbaum rejected any foreign intervention, saying "Mexico is free, independent and sovereign"`, "")
	if r.Language != "en" {
		t.Errorf("language %q", r.Language)
	}
	got := map[news.StatementType]news.Statement{}
	for _, s := range r.Statements {
		got[s.Type] = s
	}
	for _, typ := range []news.StatementType{news.InterventionRejection, news.SovereigntyAssertion} {
		s, ok := got[typ]
		if !ok {
			t.Errorf("no %s in %+v", typ, r.Statements)
			continue
		}
		if s.Speaker != "Claudia Sheinbaum" || s.Actor != "MX" {
			t.Errorf("%s: speaker %q actor %q", typ, s.Speaker, s.Actor)
		}
		if s.Confidence <= 0 || s.Confidence > 1 || len(s.Cues) == 0 {
			t.Errorf("%s: confidence %v cues %v", typ, s.Confidence, s.Cues)
		}
	}
	if s := got[news.SovereigntyAssertion]; s.Quote != "Mexico is free, independent and sovereign" {
		t.Errorf("quote %q", s.Quote)
	}
}

func TestSentences(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "Sen. Lindsey Graham met Gen. Dan Caine. Dr. Ruiz left.", []string{"Sen. Lindsey Graham met Gen. Dan Caine.", "Dr. Ruiz left."}},
		{"U.S. inside", "The U.S. Navy moved. Mexico replied.", []string{"The U.S. Navy moved.", "Mexico replied."}},
		{"U.S. at end", "Troops went to the U.S. The president spoke.", []string{"Troops went to the U.S.", "The president spoke."}},
		{"EE.UU.", "Llegó a EE.UU. el lunes. Luego habló.", []string{"Llegó a EE.UU. el lunes.", "Luego habló."}},
		{"quote spans sentences", `"We will defend ourselves. Mexico is sovereign," she said. Then she left.`, []string{`"We will defend ourselves. Mexico is sovereign," she said.`, "Then she left."}},
		{"guillemets", "«No. Nunca», dijo. Fin.", []string{"«No. Nunca», dijo.", "Fin."}},
		{"curly", "\u201cNever. Not now,\u201d he said. Done.", []string{"\u201cNever. Not now,\u201d he said.", "Done."}},
		{"newline", "First line without stop\nSecond line.", []string{"First line without stop", "Second line."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dc := &doc{}
			dc.reset(tt.text)
			dc.fold()
			dc.tokenize(func(w []byte) bool { return d.abbr[string(w)] })
			var got []string
			for _, s := range dc.sentences(nil, func(w []byte) bool { return d.starters[string(w)] }) {
				got = append(got, tt.text[s.o0:s.o1])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestAttribution covers the speaker patterns the issue lists.
func TestAttribution(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name, text, speaker, actor string
	}{
		{"X said", "Sheinbaum said Mexico rejects any foreign intervention.", "Claudia Sheinbaum", "MX"},
		{"said X", `"We reject any foreign intervention," said Sheinbaum.`, "Claudia Sheinbaum", "MX"},
		{"told reporters", "Petro told reporters that Colombia rejects US interference.", "Gustavo Petro", "CO"},
		{"according to", "According to the Kremlin, Russia condemns the US military build-up.", "Kremlin", "RU"},
		{"added", "Mulino added that the canal belongs to Panama.", "José Raúl Mulino", "PA"},
		{"es afirmó", "Sheinbaum afirmó que México es libre y soberano.", "Claudia Sheinbaum", "MX"},
		{"es verb first", "«México es un país soberano», subrayó Sheinbaum.", "Claudia Sheinbaum", "MX"},
		{"title and name", "El canciller Juan Ramón de la Fuente rechazó la injerencia extranjera.", "Juan Ramón de la Fuente", "MX"},
		{"accent-free", "Diaz-Canel denuncio la injerencia de Washington.", "Miguel Díaz-Canel", "CU"},
		{"pronoun", "Frederiksen spoke in Nuuk. She said Greenland is not for sale.", "Mette Frederiksen", "DK"},
		{"role phrase", "Sheinbaum spoke on Monday. The president said Mexico will never accept foreign troops.", "Claudia Sheinbaum", "MX"},
		{"la mandataria", "Sheinbaum habló en Palacio Nacional. La mandataria aseguró que México no aceptará tropas extranjeras.", "Claudia Sheinbaum", "MX"},
		{"demonym title", "The Mexican president said Mexico will not accept foreign troops.", "Claudia Sheinbaum", "MX"},
		{"body", "Mexico's foreign ministry rejected the US incursion.", "Mexico's foreign ministry", "MX"},
		{"institution", "The White House said all options are on the table regarding Venezuela.", "White House", "US"},
		{"unknown name with title", "Colombian Senator Ana María Ruiz rejected any US military intervention.", "Ana María Ruiz", "CO"},
		{"country subject", "Denmark rejected the annexation remarks.", "Denmark", "DK"},
		{"lead then speaker", "Ecuador ofreció a Colombia apoyo militar para combatir a los grupos armados. El presidente Daniel Noboa dijo que sus tropas estaban listas.", "Daniel Noboa", "EC"},
		{"title qualifier ends at name", "El portavoz de Exteriores Guo Jiakun afirmó que el arrecife es «territorio inherente de China».", "Guo Jiakun", "CN"},
		{"agent aside", "El gobierno de Nicaragua, encabezado por Daniel Ortega y Rosario Murillo, acusó a Guatemala de injerencia.", "gobierno de Nicaragua", "NI"},
		{"person's office", "Baku objected to the resolution, which President Ilham Aliyev's office described as interference in the internal affairs of a sovereign state.", "Ilham Aliyev's office", "AZ"},
		{"trailing after asides", "«La opción militar no está descartada», dijo este jueves, en una entrevista con la cadena CBS, el senador republicano por Florida Rick Scott.", "Rick Scott", "US"},
		{"ultimatum", `"If the Colombian government does not stop the cocaine, we will stop it for them," Donald Trump wrote.`, "Donald Trump", "US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := d.Analyze(tt.text, "")
			if len(r.Statements) == 0 {
				t.Fatalf("no statement in %q", tt.text)
			}
			s := r.Statements[len(r.Statements)-1]
			if s.Speaker != tt.speaker || s.Actor != tt.actor {
				t.Errorf("speaker %q actor %q, want %q %q", s.Speaker, s.Actor, tt.speaker, tt.actor)
			}
		})
	}
}

// TestHardNegatives: each of the traps the issue names stays silent.
func TestHardNegatives(t *testing.T) {
	d := newDetector(t)
	for _, text := range []string{
		"Mexico's sovereign bonds rallied, and the finance minister said demand was strong.",
		"El fondo soberano de Noruega ganó 10%, dijo el ministro.",
		"The king, as sovereign, opened Parliament.",
		"The company sells data sovereignty to European governments, its CEO said.",
		"The patient needed surgical intervention, the minister said.",
		"La intervención del VAR anuló el gol, dijo el árbitro.",
		"The Bank of Japan said it would intervene to support the yen.",
		"The exhibition recalls the US occupation of Haiti.",
		"Analysts say US intervention in Mexico is unlikely.",
		"Hegseth denied that the US was planning strikes in Mexico.",
		"Trump said he has no plans to send troops to Venezuela.",
		"El Pentágono descartó enviar tropas a México.",
		"If Russia does not withdraw its troops, we will withdraw our ambassador, the minister said.",
	} {
		t.Run(text, func(t *testing.T) {
			if r := d.Analyze(text, ""); len(r.Statements) != 0 {
				t.Errorf("fired: %+v", r.Statements)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	d := newDetector(t)
	tests := []struct{ text, hint, want string }{
		{"The president said that the canal belongs to Panama.", "", "en"},
		{"El presidente dijo que el canal es de los panameños.", "", "es"},
		{"O presidente disse que o canal é do Panamá e que a soberania não se negocia.", "", "pt"},
		{"Le président a dit que le canal est à Panama et que la souveraineté ne se négocie pas.", "", "fr"},
		{"anything", "ES-mx", "es"},
		{"Panama", "", ""},
	}
	for _, tt := range tests {
		if got := d.Analyze(tt.text, tt.hint).Language; got != tt.want {
			t.Errorf("%q: language %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestExtraPeople(t *testing.T) {
	d, err := New(Options{ExtraPeople: []geo.Person{{Name: "Ana Torres", Country: "EC", Role: geo.RoleForeign, Gender: "f", Aliases: []string{"Torres"}}}})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Analyze("Torres said Ecuador rejects any foreign military intervention.", "")
	if len(r.Statements) == 0 || r.Statements[0].Speaker != "Ana Torres" || r.Statements[0].Actor != "EC" {
		t.Errorf("%+v", r.Statements)
	}
	if _, err := New(Options{ExtraPeople: []geo.Person{{Name: "X", Country: "ZZZ"}}}); err == nil {
		t.Error("bad extra person accepted")
	}
}

// TestConcurrent runs Analyze from many goroutines; with -race it checks
// that the detector shares nothing mutable.
func TestConcurrent(t *testing.T) {
	d := newDetector(t)
	texts := articles(t)
	want := make([]string, len(texts))
	for i, x := range texts {
		b, _ := json.Marshal(d.Analyze(x, ""))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, x := range texts {
				b, _ := json.Marshal(d.Analyze(x, ""))
				if string(b) != want[i] {
					t.Errorf("article %d: result differs between runs", i)
				}
			}
		}()
	}
	wg.Wait()
}

func articles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestGolden compares full outputs on the benchmark articles with
// testdata/golden/*.json; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	d := newDetector(t)
	files, _ := filepath.Glob("testdata/articles/*.txt")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(d.Analyze(string(b), ""), "", "  ")
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("output differs from %s (run with -update and review the diff)", golden)
			}
		})
	}
}

func BenchmarkAnalyze(b *testing.B) {
	d := newDetector(b)
	texts := articles(b)
	var n int64
	for _, x := range texts {
		n += int64(len(x))
	}
	b.SetBytes(n / int64(len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Analyze(texts[i%len(texts)], "")
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", " ", ".", `"`, "«", "»", "'s", "U.S.", "EE. UU.", "Sen.", "\u201c\u201d", "a.b.c.d",
		`Mexican President Claudia Sheinbaum rejected any foreign intervention, saying "Mexico is free, independent and sovereign"`,
		"«Cooperación sí, subordinación no», reiteró la mandataria.",
		"She said. He said. \"Unclosed quote. And more.",
		"\xff\xfe invalid utf8 \xc3",
		"President Trump Trump Trump, said said said.",
	} {
		f.Add(s, "")
	}
	d := newDetector(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		r := d.Analyze(text, lang)
		for _, s := range r.Statements {
			if s.Confidence < 0 || s.Confidence > 1 {
				t.Fatalf("confidence %v", s.Confidence)
			}
			if s.Targets == nil || s.Cues == nil {
				t.Fatal("nil slice in statement")
			}
		}
	})
}
