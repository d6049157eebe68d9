package watchers

import (
	"os"
	"strings"
	"testing"
)

func TestParseOPML(t *testing.T) {
	data, err := os.ReadFile("testdata/subscriptions.opml")
	if err != nil {
		t.Fatal(err)
	}
	got, warnings, err := ParseOPML(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, url, lang string }{
		{"diario-del-sur-politica", "https://diariodelsur.example/politica/rss", "es"},
		{"northern-ledger", "https://ledger.example/world.atom", ""},
		{"northern-ledger-2", "https://ledger.example/americas.atom", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sources: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].Name != w.name || got[i].URL != w.url || got[i].Language != w.lang || got[i].Type != "rss" {
			t.Errorf("source %d = %+v, want %+v", i, got[i], w)
		}
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "not http(s)") || !strings.Contains(warnings[1], "listed twice") {
		t.Fatalf("warnings: %q", warnings)
	}
}

func TestParseOPMLRejectsOtherDocuments(t *testing.T) {
	for _, in := range []string{"", "<rss><channel/></rss>", "<opml><body></body></opml>", "not xml at all"} {
		if _, _, err := ParseOPML([]byte(in)); err == nil {
			t.Errorf("ParseOPML(%q) accepted it", in)
		}
	}
}

func FuzzParseOPML(f *testing.F) {
	data, _ := os.ReadFile("testdata/subscriptions.opml")
	f.Add(data)
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		srcs, _, err := ParseOPML(in)
		if err == nil {
			for _, s := range srcs {
				if s.Name == "" || !strings.HasPrefix(s.URL, "http") {
					t.Fatalf("bad source from OPML: %+v", s)
				}
			}
		}
	})
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"El País — América":   "el-pais-america",
		"  BBC News: World  ": "bbc-news-world",
		"中文":                  "",
		"A/B & C":             "a-b-c",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
