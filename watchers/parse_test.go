package watchers

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sovwatch/config"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFeed(t *testing.T) {
	type want struct {
		title, url, guid, summary, text string
		published                       time.Time
	}
	tests := []struct {
		name        string
		file        string
		contentType string
		feedURL     string
		lang        string
		want        []want
	}{
		{
			name: "rss2", file: "rss2.xml", contentType: "application/rss+xml", feedURL: "https://news.example.com/feed", lang: "en",
			want: []want{
				{title: "Minister rejects foreign interference", url: "https://News.Example.com/world/minister-rejects?utm_source=rss&utm_medium=feed&id=7#comments", guid: "ew-0001",
					summary: "The minister said the country will not accept outside pressure.", published: time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)},
				{title: "Relative link item", url: "https://news.example.com/politics/relative-item", guid: "ew-0002", summary: "Short snippet.",
					text: "First paragraph of the full body.\n\nSecond paragraph of the full body, which is longer than the snippet."},
				{title: "Duplicate of the first", url: "https://news.example.com/world/minister-rejects?id=7&fbclid=abc", guid: "ew-0003", summary: "Same story again."},
				{title: "Item without any link", guid: "ew-0004", summary: "Nothing to point at."},
				{title: "Permalink guid only", url: "https://news.example.com/world/guid-only", guid: "https://news.example.com/world/guid-only", summary: "The guid is the link."},
			},
		},
		{
			name: "atom", file: "atom.xml", contentType: "application/atom+xml", feedURL: "https://diplo.example.org/atom", lang: "fr",
			want: []want{
				{title: "Le gouvernement réaffirme sa souveraineté", url: "https://diplo.example.org/actu/souverainete", guid: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a",
					summary: "Une déclaration courte.", published: time.Date(2026, 11, 25, 8, 15, 0, 0, time.UTC)},
				{title: "Entrée sans date publiée", url: "https://diplo.example.org/actu/sans-date", guid: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b",
					summary: "Seulement une mise à jour.", published: time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC)},
			},
		},
		{
			name: "json feed", file: "feed.json", contentType: "application/feed+json", feedURL: "https://json.example.net/feed.json", lang: "pt",
			want: []want{
				{title: "Governo defende a soberania nacional", url: "https://json.example.net/noticias/soberania?gclid=xyz", guid: "jf-1",
					summary: "O governo afirmou que não aceitará ingerência externa.", published: time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)},
				{title: "Notícia sem data", url: "https://json.example.net/noticias/sem-data", guid: "jf-2", summary: "Texto simples."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeed(readFixture(t, tt.file), tt.contentType, tt.feedURL, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got.Language != tt.lang {
				t.Errorf("language = %q, want %q", got.Language, tt.lang)
			}
			if len(got.Articles) != len(tt.want) {
				t.Fatalf("got %d articles, want %d: %+v", len(got.Articles), len(tt.want), got.Articles)
			}
			for i, w := range tt.want {
				a := got.Articles[i]
				if a.Title != w.title || a.URL != w.url || a.GUID != w.guid || a.Summary != w.summary {
					t.Errorf("item %d:\n got title=%q url=%q guid=%q summary=%q\nwant title=%q url=%q guid=%q summary=%q",
						i, a.Title, a.URL, a.GUID, a.Summary, w.title, w.url, w.guid, w.summary)
				}
				if w.text != "" && a.Text != w.text {
					t.Errorf("item %d text = %q, want %q", i, a.Text, w.text)
				}
				if !a.Published.Equal(w.published) {
					t.Errorf("item %d published = %v, want %v", i, a.Published, w.published)
				}
			}
		})
	}
}

func TestParseFeedCharsets(t *testing.T) {
	tests := []struct {
		name, file, contentType string
		title, summary          string
	}{
		{"windows-1252 declared", "es-win1252.xml", "application/rss+xml", "Cancillería rechaza la intervención extranjera", "La secretaria afirmó que México defenderá su soberanía «sin excepción» — dijo en conferencia."},
		{"no declaration, invalid UTF-8", "es-nodecl.xml", "text/xml", "Cancillería rechaza la intervención extranjera", "La secretaria afirmó que México defenderá su soberanía «sin excepción» — dijo en conferencia."},
		{"declares UTF-8, bytes are windows-1252", "es-wrongdecl.xml", "application/xml; charset=utf-8", "Cancillería rechaza la intervención extranjera", "La secretaria afirmó que México defenderá su soberanía «sin excepción» — dijo en conferencia."},
		{"HTTP charset ISO-8859-1, no declaration", "es-latin1-header.xml", "text/xml; charset=ISO-8859-1", "Cancillería rechaza la intervención extranjera", "La secretaria afirmó que México defenderá su soberanía «sin excepción» - dijo en conferencia."},
		{"labelled ISO-8859-1, bytes are UTF-8", "es-utf8-labelled-latin1.xml", "text/xml; charset=iso-8859-1", "Cancillería rechaza la intervención extranjera", "La secretaria afirmó que México defenderá su soberanía «sin excepción» — dijo en conferencia."},
		{"HTTP charset windows-1251", "ru-win1251.xml", "application/rss+xml; charset=windows-1251", "Заявление о суверенитете", "Короткая заметка."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeed(readFixture(t, tt.file), tt.contentType, "https://diario.example.mx/rss", 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Articles) == 0 {
				t.Fatal("no articles")
			}
			a := got.Articles[0]
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.Summary != tt.summary {
				t.Errorf("summary = %q, want %q", a.Summary, tt.summary)
			}
			if tt.file == "es-win1252.xml" {
				if s := got.Articles[1].Summary; s != "Pequeña nota €." {
					t.Errorf("second summary = %q", s)
				}
				if got.Language != "es" {
					t.Errorf("language = %q", got.Language)
				}
			}
		})
	}
}

func TestParseFeedErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		wantErr error
		wantMsg string
	}{
		{"empty", nil, ErrEmptyBody, "empty body"},
		{"white space", []byte(" \n\t "), ErrEmptyBody, "empty body"},
		{"html page", readFixture(t, "notfeed.html"), ErrNotFeed, "HTML page"},
		{"malformed xml", readFixture(t, "malformed.xml"), nil, "malformed RSS feed"},
		{"plain text", []byte("Service temporarily unavailable"), ErrNotFeed, "not a feed"},
		{"truncated json", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1"`), nil, "malformed JSON Feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFeed(tt.body, "text/html", "https://x.example/feed", 0)
			if err == nil {
				t.Fatal("want an error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("err = %q, want it to mention %q", err, tt.wantMsg)
			}
		})
	}
}

func TestParseFeedCapsItems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>big</title>`)
	for i := range 2000 {
		b.WriteString(`<item><title>t</title><link>https://big.example/`)
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(`</link></item>`)
	}
	b.WriteString(`</channel></rss>`)
	got, err := ParseFeed([]byte(b.String()), "", "https://big.example/feed", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Articles) != 100 {
		t.Errorf("got %d articles, want 100", len(got.Articles))
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "2000 items") {
		t.Errorf("warnings = %q", got.Warnings)
	}
}

func TestParseListing(t *testing.T) {
	sel := config.HTMLSelectors{Item: "li.comunicado", Link: "a.titulo", Title: ".titulo", Date: ".fecha"}
	got, err := ParseListing(readFixture(t, "listing.html"), "text/html", "https://sre.example.gob/prensa/", sel, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		title, url string
		published  time.Time
	}{
		{"Comunicado 101: posición sobre soberanía", "https://sre.example.gob/prensa/comunicado-101?utm_campaign=x", time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
		{"Comunicado 102: cooperación técnica", "https://sre.example.gob/prensa/comunicado-102", time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
		{"Comunicado 103", "https://otro.example.gob/prensa/103", time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC)},
		{"Sin enlace", "", time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
		{"Comunicado 105", "https://sre.example.gob/prensa/comunicado-105", time.Time{}},
	}
	if got.Language != "es" {
		t.Errorf("language = %q", got.Language)
	}
	if len(got.Articles) != len(want) {
		t.Fatalf("got %d articles: %+v", len(got.Articles), got.Articles)
	}
	for i, w := range want {
		a := got.Articles[i]
		if a.Title != w.title || a.URL != w.url || !a.Published.Equal(w.published) {
			t.Errorf("item %d = %q %q %v, want %q %q %v", i, a.Title, a.URL, a.Published, w.title, w.url, w.published)
		}
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "1 of 5 item dates") {
		t.Errorf("warnings = %q", got.Warnings)
	}
}

func TestParseListingErrors(t *testing.T) {
	tests := []struct {
		name string
		sel  config.HTMLSelectors
		body string
		want error
	}{
		{"no item selector", config.HTMLSelectors{}, "<p>x</p>", ErrSelector},
		{"bad selector", config.HTMLSelectors{Item: "li[", Link: "a"}, "<p>x</p>", ErrSelector},
		{"empty body", config.HTMLSelectors{Item: "li"}, "", ErrEmptyBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseListing([]byte(tt.body), "text/html", "https://x.example/", tt.sel, 0)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("nothing matched warns", func(t *testing.T) {
		got, err := ParseListing([]byte("<ul><li>x</li></ul>"), "", "https://x.example/", config.HTMLSelectors{Item: ".gone"}, 0)
		if err != nil || len(got.Articles) != 0 || len(got.Warnings) != 1 {
			t.Fatalf("got %+v, %v", got, err)
		}
	})
}

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in, layout string
		want       time.Time
		ok         bool
	}{
		{"2026-11-25T14:30:00Z", "", utc(2026, 11, 25, 14, 30), true},
		{"2026-11-25T14:30:00-06:00", "", utc(2026, 11, 25, 20, 30), true},
		{"Wed, 25 Nov 2026 14:30:00 GMT", "", utc(2026, 11, 25, 14, 30), true},
		{"25 November 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"25 de noviembre de 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"25 de Noviembre de 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"miércoles 25 de noviembre de 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"25 de novembro de 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"25 de noviembre de 2026 a las 14:30", "", utc(2026, 11, 25, 14, 30), true},
		{"3 de set. de 2026", "", utc(2026, 9, 3, 0, 0), true},
		{"25/11/2026", "", utc(2026, 11, 25, 0, 0), true},
		{"5/3/2026", "", utc(2026, 3, 5, 0, 0), true},
		{"Publicado el 25 de noviembre de 2026", "", utc(2026, 11, 25, 0, 0), true},
		{"11-25-2026", "01-02-2006", utc(2026, 11, 25, 0, 0), true},
		{"ayer", "", time.Time{}, false},
		{"", "", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in, tt.layout)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseGDELT(t *testing.T) {
	got, err := ParseGDELT(readFixture(t, "gdelt.json"), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		url, title, lang string
		seen             time.Time
	}{
		{"https://www.example.com.mx/politica/soberania-nacional-2026", "Gobierno responde a declaraciones sobre intervención", "es", time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)},
		{"https://news.example.co.uk/world/statement?utm_source=gdelt", "Officials reject call for intervention", "en", time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)},
		{"https://exemplo.com.br/mundo/nota", "Nota oficial", "pt", time.Time{}},
		{"https://example.ru/a", "Title with a raw control", "", time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
	}
	if len(got.Articles) != len(want) {
		t.Fatalf("got %d articles", len(got.Articles))
	}
	for i, w := range want {
		a := got.Articles[i]
		if a.URL != w.url || a.Title != w.title || a.Language != w.lang || !a.Published.Equal(w.seen) {
			t.Errorf("item %d = %q %q %q %v", i, a.URL, a.Title, a.Language, a.Published)
		}
	}

	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name string
			body []byte
			want error
			msg  string
		}{
			{"plain text error", readFixture(t, "gdelt-error.txt"), ErrGDELT, "phrase is too short"},
			{"html", []byte("<html><body>oops</body></html>"), ErrGDELT, "HTML"},
			{"empty", nil, ErrEmptyBody, "empty"},
			{"broken json", []byte(`{"articles": [`), nil, "malformed JSON"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := ParseGDELT(tt.body, 0)
				if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.msg) {
					t.Fatalf("err = %v", err)
				}
			})
		}
	})
	t.Run("no results", func(t *testing.T) {
		got, err := ParseGDELT([]byte("{}"), 0)
		if err != nil || len(got.Articles) != 0 {
			t.Fatalf("got %+v, %v", got, err)
		}
	})
}

func TestGDELTURL(t *testing.T) {
	got, err := GDELTURL("http://127.0.0.1:9/api/v2/doc/doc", config.GDELTQuery{Query: "(sovereignty OR intervention) sourcecountry:MX", MaxRecords: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := "http://127.0.0.1:9/api/v2/doc/doc?format=json&maxrecords=250&mode=artlist&query=%28sovereignty+OR+intervention%29+sourcecountry%3AMX&sort=datedesc&timespan=1h"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := GDELTURL("", config.GDELTQuery{}); err == nil {
		t.Error("empty query: want an error")
	}
}

func TestExtractPage(t *testing.T) {
	p, err := ExtractPage(readFixture(t, "article.html"), "text/html; charset=utf-8", "https://diario.example.mx/nacional/cancilleria-rechaza?utm_source=rss")
	if err != nil {
		t.Fatal(err)
	}
	if p.Canonical != "https://diario.example.mx/nacional/cancilleria-rechaza" {
		t.Errorf("canonical = %q", p.Canonical)
	}
	if p.Language != "es" {
		t.Errorf("language = %q", p.Language)
	}
	if !strings.Contains(p.Text, "no aceptará ninguna forma de intervención extranjera") ||
		!strings.Contains(p.Text, "canales oficiales.") {
		t.Errorf("text misses the body: %q", p.Text)
	}
	for _, junk := range []string{"Lo más leído", "Todos los derechos", "Portada"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("text keeps page furniture %q", junk)
		}
	}

	t.Run("canonical on another site is ignored", func(t *testing.T) {
		page := strings.Replace(string(readFixture(t, "article.html")), "https://diario.example.mx/nacional/cancilleria-rechaza?utm_source=canon", "https://evil.example.com/x", 1)
		p, err := ExtractPage([]byte(page), "text/html", "https://diario.example.mx/nacional/cancilleria-rechaza")
		if err != nil {
			t.Fatal(err)
		}
		if p.Canonical != "" {
			t.Errorf("canonical = %q, want none", p.Canonical)
		}
	})
	t.Run("canonical pointing at the home page is ignored", func(t *testing.T) {
		page := strings.Replace(string(readFixture(t, "article.html")), "https://diario.example.mx/nacional/cancilleria-rechaza?utm_source=canon", "https://www.diario.example.mx/", 1)
		p, err := ExtractPage([]byte(page), "text/html", "https://diario.example.mx/nacional/cancilleria-rechaza")
		if err != nil {
			t.Fatal(err)
		}
		if p.Canonical != "" {
			t.Errorf("canonical = %q, want none", p.Canonical)
		}
	})
	t.Run("og:url when no rel=canonical", func(t *testing.T) {
		page := strings.Replace(string(readFixture(t, "article.html")), `rel="canonical"`, `rel="alternate"`, 1)
		p, err := ExtractPage([]byte(page), "text/html", "https://www.diario.example.mx/a")
		if err != nil {
			t.Fatal(err)
		}
		if p.Canonical != "https://diario.example.mx/og-url-loses" {
			t.Errorf("canonical = %q", p.Canonical)
		}
	})
	t.Run("not html", func(t *testing.T) {
		if _, err := ExtractPage([]byte("%PDF-1.7"), "application/pdf", "https://x.example/a.pdf"); err == nil {
			t.Error("want an error")
		}
	})
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain   text\n\n\n\nnext", "plain text\n\nnext"},
		{"<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"},
		{"a<br>b<script>var x = '<p>';</script>c", "a\nbc"},
		{"caf&eacute; &#233;", "café é"},
		{"<b>bold</b>text, intervenci<em>ó</em>n", "boldtext, intervención"}, {"<td>a</td><td>b</td>", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{"es-MX": "es", "pt_BR": "pt", "EN": "en", "Spanish": "es", "spanish": "es", "Klingon": "", "": "", "eng": ""} {
		if got := normalizeLanguage(in); got != want {
			t.Errorf("normalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFeedLongPrologue(t *testing.T) {
	body := `<?xml version="1.0" encoding="utf-8"?>` + "\n<!-- " + strings.Repeat("generated by a chatty CMS ", 400) + "-->\n" +
		`<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>` +
		`<rss version="2.0"><channel><title>t</title><item><title>Only</title><link>https://p.example/a</link></item></channel></rss>`
	got, err := ParseFeed([]byte(body), "text/xml", "https://p.example/rss", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Articles) != 1 || got.Articles[0].Title != "Only" {
		t.Fatalf("got %+v", got.Articles)
	}
}
