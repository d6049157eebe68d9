package digest

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sovwatch/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

var t0 = time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)

func at(h float64) time.Time { return t0.Add(time.Duration(h * float64(time.Hour))) }

func st(typ news.StatementType, speaker, actor string, conf float64, quote string, targets ...string) news.Statement {
	return news.Statement{Type: typ, Speaker: speaker, Actor: actor, Targets: targets, Confidence: conf, Quote: quote}
}

// sampleItems is a period of a Mexico watchlist: a rejection reported by
// four outlets (one quoting a threat too), a threat, an offer, a Spanish
// story, and an article without statements.
func sampleItems() []Item {
	rej := st(news.InterventionRejection, "Claudia Sheinbaum", "MX", 0.91, "We will not accept interventions", "US")
	assert := st(news.SovereigntyAssertion, "Claudia Sheinbaum", "MX", 0.84, "Mexico is a free, independent and sovereign nation")
	threat := st(news.InterventionThreat, "a Republican senator", "US", 0.62, "the Pentagon should prepare strikes", "MX")
	return []Item{
		{StoryID: 50, Title: "Mexican bonds slide on security tension", URL: "https://markets.example/e1?id=1&x=<b>", Source: "Markets", Published: at(-1)},
		{StoryID: 10, Title: "Sheinbaum rejects US military action against cartels", URL: "https://wire.example/a1", Source: "Wire", Published: at(1), Statements: []news.Statement{rej, assert}},
		{StoryID: 10, Title: "Mexico's Sheinbaum says no to US strikes", URL: "https://daily.example/a2", Source: "Daily", Published: at(2.5), Statements: []news.Statement{rej, threat}},
		{StoryID: 10, Title: "Sovereignty first: Mexican leader rebuffs raids", URL: "https://post.example/a3", Source: "Post", Published: at(3), Statements: []news.Statement{rej}},
		{StoryID: 10, Title: "Versión estenográfica de la conferencia matutina", URL: "https://gob.example/mananera", Source: "Presidencia", SourceKind: news.KindOfficial, Published: at(1.5), Statements: []news.Statement{rej}},
		{StoryID: 20, Title: "Senator urges Pentagon to plan strikes on Mexican labs", URL: "https://daily.example/b1", Source: "Daily", Published: at(-20), Statements: []news.Statement{
			st(news.InterventionThreat, "Senator Jane Roe", "US", 0.88, "We will hit the labs wherever they are, with or without Mexico's permission", "MX"),
		}},
		{StoryID: 20, Title: "US senator calls for strikes on cartel labs", URL: "https://post.example/b2", Source: "Post", Published: at(-19), Statements: []news.Statement{
			st(news.InterventionThreat, "senator jane roe", "US", 0.80, "with or without Mexico's permission", "MX"),
		}},
		{StoryID: 30, Title: "Canada offers Mexico help with wildfire crews", URL: "https://wire.example/c1", Source: "Wire", Published: at(-5), Statements: []news.Statement{
			st(news.AssistanceOffer, "Canadian minister", "CA", 0.7, "We stand ready to help", "MX"),
		}},
		{StoryID: 40, Title: "México rechaza injerencia en su política energética", URL: "https://diario.example/d1", Source: "Diario", Published: at(-2), Statements: []news.Statement{
			st(news.InterventionRejection, "Secretaria de Energía", "MX", 0.77, "No aceptamos injerencias en nuestra política energética", "US"),
		}},
	}
}

func TestCompose(t *testing.T) {
	d := Compose("mexico", at(-24), at(4), sampleItems())
	if got, want := d.Summary(), "5 stories, 9 articles: 2 threats, 2 rejections, 1 assertion, 1 offer"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	var order []int64
	for _, s := range d.Stories {
		order = append(order, s.ID)
	}
	// Threat story first; then rejections, newest first; the offer; the
	// story without statements last.
	if got, want := order, []int64{20, 10, 40, 30, 50}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}

	rej := d.Stories[1]
	tests := []struct {
		name      string
		got, want any
	}{
		{"lead is the official article", rej.URL, "https://gob.example/mananera"},
		{"official flag", rej.Official, true},
		{"title is the earliest headline", rej.Title, "Sheinbaum rejects US military action against cartels"},
		{"articles", rej.Articles, 4},
		{"outlets", rej.Outlets(), 4},
		{"sources in order of first report", strings.Join(rej.Sources, ","), "Wire,Presidencia,Daily,Post"},
		{"first", rej.First, at(1)},
		{"last", rej.Last, at(3)},
		{"top is the most confident", rej.Top.Quote, "We will not accept interventions"},
		{"type is the top's", rej.Type, news.InterventionRejection},
		{"a repeated statement counts once", len(rej.Counts), 3},
		{"threat story lead is the earliest", d.Stories[0].URL, "https://daily.example/b1"},
		{"speaker case does not split a statement", d.Stories[0].Counts[0].Count, 1},
		{"no statement, no top", d.Stories[4].Top == nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestComposeEdges(t *testing.T) {
	if d := Compose("w", at(0), at(1), nil); !d.Empty() || d.Summary() != "no stories" || d.Articles != 0 {
		t.Errorf("empty input: %+v %q", d, d.Summary())
	}
	// Ungrouped items are stories of their own; the same URL twice is one
	// article; the input is not modified.
	items := []Item{
		{Title: "b", URL: "https://x.example/b", Published: at(2)},
		{Title: "a", URL: "https://x.example/a", Published: at(1), Statements: []news.Statement{st(news.AssistanceOffer, "X", "FR", 0.5, "", "ML")}},
		{StoryID: 7, Title: "c", URL: "https://x.example/c", Source: "S", Published: at(3)},
		{StoryID: 7, Title: "c", URL: "https://x.example/c", Source: "S", Published: at(3)},
	}
	d := Compose("w", at(0), at(4), items)
	if got := d.Summary(); got != "3 stories, 3 articles: 1 offer" {
		t.Errorf("summary %q", got)
	}
	// The offer first, then the stories without statements, newest first.
	if s := d.Stories[1]; s.ID != 7 || s.Articles != 1 || s.Outlets() != 1 {
		t.Errorf("duplicate URL: %+v", s)
	}
	d.Stories[0].Top.Targets[0] = "ZZ"
	if items[1].Statements[0].Targets[0] != "ML" {
		t.Errorf("digest shares slices with its input")
	}
	// The order of the input does not matter.
	rev := sampleItems()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if a, b := Text(Compose("m", at(0), at(1), sampleItems()), nil), Text(Compose("m", at(0), at(1), rev), nil); a != b {
		t.Errorf("input order changed the digest:\n%s\n%s", a, b)
	}
}

func TestText(t *testing.T) {
	copenhagen, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Sovereignty is not negotiable and never will be, whatever anyone says. ", 6)
	tests := []struct {
		name  string
		items []Item
		loc   *time.Location
	}{
		{"sample", sampleItems(), copenhagen},
		{"empty", nil, time.UTC},
		{"hostile", []Item{{
			StoryID:   1,
			Title:     "Breaking\x1b[2J\x1b[31m red alert\r\nfake line\u202e",
			URL:       "javascript:alert(1)",
			Source:    "Evil\nSource",
			Published: at(0), Statements: []news.Statement{
				st(news.InterventionThreat, "Some\x1b]0;title\x07one", "RU", 0.9, long+"\x1b[0m", "UA"),
			},
		}}, time.UTC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(Compose("mexico", at(-24), at(4), tt.items), tt.loc)
			for _, r := range got {
				if r == '\x1b' || r == '\r' || r == '\x07' || r == '\u202e' {
					t.Fatalf("control character %U in output", r)
				}
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s (go test -update to accept):\n%s", golden, got)
			}
		})
	}
}
