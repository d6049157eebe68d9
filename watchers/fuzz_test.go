package watchers

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"sovwatch/config"
)

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "feed.json", "es-win1252.xml", "es-nodecl.xml", "es-wrongdecl.xml", "ru-win1251.xml", "malformed.xml", "notfeed.html"} {
		f.Add(readFixture(f, name), "application/xml")
	}
	f.Add([]byte(`<?xml version="1.0" encoding="utf-16"?><rss/>`), "text/xml; charset=utf-16")
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"), "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"/a"}]}`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		got, err := ParseFeed(body, contentType, "https://feed.example/rss", 50)
		if err != nil {
			return
		}
		if len(got.Articles) > 50 {
			t.Fatalf("%d articles past the cap", len(got.Articles))
		}
		for _, a := range got.Articles {
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Summary) || !utf8.ValidString(a.Text) {
				t.Fatalf("invalid UTF-8 in %+v", a)
			}
			if a.URL != "" {
				if u, err := url.Parse(a.URL); err != nil || !u.IsAbs() {
					t.Fatalf("link %q is not absolute", a.URL)
				}
			}
		}
	})
}

func FuzzParseListing(f *testing.F) {
	f.Add(readFixture(f, "listing.html"), "li.comunicado", "a.titulo", ".fecha")
	f.Add(readFixture(f, "article.html"), "p", "", "")
	f.Add([]byte(`<base href="//other.example/x/"><a href="y">t</a>`), "a", "", "")
	f.Add([]byte(`<div><a href="javascript:x">j</a><time datetime="2026-11-25">x</time></div>`), "div", "a", "time")
	f.Fuzz(func(t *testing.T, body []byte, item, link, date string) {
		sel := config.HTMLSelectors{Item: item, Link: link, Date: date}
		got, err := ParseListing(body, "text/html", "https://gob.example/prensa/", sel, 50)
		if err != nil {
			return
		}
		if len(got.Articles) > 50 {
			t.Fatalf("%d articles past the cap", len(got.Articles))
		}
		for _, a := range got.Articles {
			if !utf8.ValidString(a.Title) {
				t.Fatalf("invalid UTF-8 title %q", a.Title)
			}
			if a.URL != "" {
				if u, err := url.Parse(a.URL); err != nil || !u.IsAbs() {
					t.Fatalf("link %q is not absolute", a.URL)
				}
			}
		}
	})
}

func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"HTTPS://News.Example.COM:443/World/Story?utm_source=x&b=2&a=1#frag",
		"http://[2001:DB8::1]:80/a?fbclid=1",
		"https://user:pass@example.com./a;b?x=%zz&y",
		"https://example.com/a?&&=&a=&a",
		"https://example.com/política?q=soberanía",
		"javascript:alert(1)",
		"//example.com/a",
		"https://xn--80ak6aa92e.example/%2e%2e/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := Canonicalize(raw)
		if err != nil {
			return
		}
		again, err := Canonicalize(got)
		if err != nil {
			t.Fatalf("Canonicalize(%q) = %q, which does not canonicalise: %v", raw, got, err)
		}
		if again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, got, again)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("result %q does not parse: %v", got, err)
		}
		if u.Fragment != "" || (u.Scheme != "http" && u.Scheme != "https") || u.Host != strings.ToLower(u.Host) {
			t.Fatalf("result %q is not canonical", got)
		}
		for k := range u.Query() {
			if isTracking(k) {
				t.Fatalf("result %q keeps tracking parameter %q", got, k)
			}
		}
	})
}

func FuzzParseGDELT(f *testing.F) {
	f.Add(readFixture(f, "gdelt.json"))
	f.Add(readFixture(f, "gdelt-error.txt"))
	f.Add([]byte(`{"articles":[{"url":1}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := ParseGDELT(body, 50)
		if err == nil && len(got.Articles) > 50 {
			t.Fatalf("%d articles past the cap", len(got.Articles))
		}
	})
}

func FuzzExtractPage(f *testing.F) {
	f.Add(readFixture(f, "article.html"))
	f.Add(readFixture(f, "listing.html"))
	f.Add([]byte(`<html lang="x"><link rel="canonical" href="//[::1]:99999/"><body><p>a</p></body></html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := ExtractPage(body, "text/html", "https://diario.example.mx/a")
		if err != nil {
			return
		}
		if !utf8.ValidString(p.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
		if p.Canonical != "" {
			c, err := url.Parse(p.Canonical)
			page, _ := url.Parse("https://diario.example.mx/a")
			if err != nil || !sameSite(c, page) || strings.Trim(c.Path, "/") == "" {
				t.Fatalf("canonical %q left the article", p.Canonical)
			}
		}
	})
}

func TestGuardPanic(t *testing.T) {
	err := func() (err error) {
		defer guardPanic(&err, "thing")
		panic("boom")
	}()
	if err == nil || !strings.Contains(err.Error(), "thing: parser panicked: boom") {
		t.Fatalf("err = %v", err)
	}
}
