package watchers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/config"
	"sovwatch/news"
)

// pollServer serves a feed, article pages, a listing and a GDELT endpoint,
// and counts requests per path.
type pollServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (s *pollServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newPollServer(t *testing.T) *pollServer {
	t.Helper()
	ps := &pollServer{hits: map[string]int{}}
	long := strings.Repeat("Una descripción larga que ya trae el texto completo de la nota. ", 12)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		base := "http://" + r.Host
		w.Header().Set("ETag", `"feed-v1"`)
		w.Header().Set("Content-Type", "application/rss+xml; charset=windows-1252")
		feed := fmt.Sprintf(`<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0"><channel><title>Diario</title><link>%[1]s/</link><language>es-MX</language>
<item><title>Uno</title><link>%[1]s/articles/1?utm_source=rss</link><guid isPermaLink="false">g1</guid>
  <pubDate>Wed, 25 Nov 2026 14:30:00 +0000</pubDate><description>Nota breve.</description></item>
<item><title>Dos</title><link>/articles/2</link><description>%[2]s</description></item>
<item><title>Falta</title><link>%[1]s/articles/missing</link><guid isPermaLink="false">g3</guid><description>Otra nota breve.</description></item>
<item><title>Repetida</title><link>%[1]s/articles/1?fbclid=z</link><guid isPermaLink="false">g4</guid><description>Nota breve.</description></item>
<item><title>Sin enlace</title><guid isPermaLink="false">nolink</guid><description>Nada.</description></item>
</channel></rss>`, base, long)
		w.Write(encodeCP1252(t, feed))
	})
	article := string(readFixture(t, "article.html"))
	mux.HandleFunc("/articles/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, strings.Replace(article, "https://diario.example.mx/nacional/cancilleria-rechaza?utm_source=canon", "/canonical/1?utm_source=canon", 1))
	})
	mux.HandleFunc("/articles/2", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, article)
	})
	mux.HandleFunc("/listing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(readFixture(t, "listing.html"))
	})
	mux.HandleFunc("/gdelt", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("mode") != "artlist" || q.Get("format") != "json" || q.Get("timespan") != "2h" {
			http.Error(w, "bad params", 400)
			return
		}
		switch q.Get("query") {
		case "(sovereignty OR intervention) sourcecountry:MX":
			w.Header().Set("Content-Type", "application/json")
			w.Write(readFixture(t, "gdelt.json"))
		default:
			w.Header().Set("Content-Type", "text/plain")
			w.Write(readFixture(t, "gdelt-error.txt"))
		}
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "300")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/consent", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(readFixture(t, "notfeed.html"))
	})
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.hits[r.URL.Path]++
		ps.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ps.Close)
	return ps
}

func encodeCP1252(t *testing.T, s string) []byte {
	t.Helper()
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r >= 0xA0 && r <= 0xFF:
			out = append(out, byte(r))
		default:
			t.Fatalf("cannot encode %q in cp1252 here", r)
		}
	}
	return out
}

type seenFunc func(url, guid string) bool

func (f seenFunc) Seen(_ context.Context, url, guid string) (bool, error) { return f(url, guid), nil }

func TestPollRSS(t *testing.T) {
	srv := newPollServer(t)
	p := NewPoller(newTestFetcher(testFetch()), nil)
	src := config.Source{Name: "diario", Type: config.SourceRSS, URL: srv.URL + "/feed.xml", Kind: "official"}

	res, err := p.Poll(context.Background(), src, FetchState{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.State.ETag != `"feed-v1"` {
		t.Errorf("state = %+v, not modified = %v", res.State, res.NotModified)
	}
	want := []struct{ title, url, guid string }{
		{"Uno", srv.URL + "/canonical/1", "g1"},
		{"Dos", srv.URL + "/articles/2", ""},
		{"Falta", srv.URL + "/articles/missing", "g3"},
	}
	if len(res.Articles) != len(want) {
		t.Fatalf("got %d articles: %+v", len(res.Articles), res.Articles)
	}
	for i, w := range want {
		a := res.Articles[i]
		if a.Title != w.title || a.URL != w.url || a.GUID != w.guid {
			t.Errorf("article %d = %q %q %q, want %q %q %q", i, a.Title, a.URL, a.GUID, w.title, w.url, w.guid)
		}
		if a.Source != "diario" || a.SourceKind != news.KindOfficial || a.Language != "es" || !a.Fetched.Equal(fixedNow) {
			t.Errorf("article %d source fields = %q %q %q %v", i, a.Source, a.SourceKind, a.Language, a.Fetched)
		}
	}
	if !res.Articles[0].Published.Equal(time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)) || !res.Articles[1].Published.IsZero() {
		t.Errorf("published = %v, %v", res.Articles[0].Published, res.Articles[1].Published)
	}
	if !strings.Contains(res.Articles[0].Text, "no aceptará ninguna forma de intervención") {
		t.Errorf("no full text: %q", res.Articles[0].Text)
	}
	if res.Articles[0].Summary != "Nota breve." {
		t.Errorf("summary = %q", res.Articles[0].Summary)
	}
	if res.Articles[1].Text != "" || !strings.HasPrefix(res.Articles[1].Summary, "Una descripción larga") {
		t.Errorf("long item: text %q summary %q", res.Articles[1].Text, res.Articles[1].Summary)
	}
	if srv.count("/articles/1") != 1 || srv.count("/articles/2") != 0 || srv.count("/articles/missing") != 1 {
		t.Errorf("article fetches: /articles/1=%d /articles/2=%d /articles/missing=%d", srv.count("/articles/1"), srv.count("/articles/2"), srv.count("/articles/missing"))
	}
	warnings := strings.Join(res.Warnings, "\n")
	for _, w := range []string{"skipped 1 items without a usable link", "dropped 1 duplicate", "full text: fetch " + srv.URL + "/articles/missing: HTTP 404"} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings %q miss %q", res.Warnings, w)
		}
	}

	t.Run("second poll is not modified", func(t *testing.T) {
		res2, err := p.Poll(context.Background(), src, res.State)
		if err != nil {
			t.Fatal(err)
		}
		if !res2.NotModified || len(res2.Articles) != 0 || res2.State != res.State {
			t.Errorf("got %+v", res2)
		}
	})
}

func TestPollFulltextPolicy(t *testing.T) {
	tests := []struct {
		name     string
		policy   string
		seen     SeenChecker
		language string
		fetches  map[string]int
		wantLang string
	}{
		{"never", config.FulltextNever, nil, "", map[string]int{"/articles/1": 0, "/articles/2": 0}, "es"},
		{"always", config.FulltextAlways, nil, "", map[string]int{"/articles/1": 1, "/articles/2": 1}, "es"},
		{"auto skips stored articles", config.FulltextAuto, seenFunc(func(u, g string) bool { return g == "g1" }), "", map[string]int{"/articles/1": 0, "/articles/missing": 1}, "es"},
		{"source language hint wins", config.FulltextNever, nil, "pt-BR", nil, "pt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newPollServer(t)
			p := NewPoller(newTestFetcher(testFetch()), tt.seen)
			src := config.Source{Name: "diario", Type: config.SourceRSS, URL: srv.URL + "/feed.xml", Fulltext: tt.policy, Language: tt.language}
			res, err := p.Poll(context.Background(), src, FetchState{})
			if err != nil {
				t.Fatal(err)
			}
			for path, n := range tt.fetches {
				if got := srv.count(path); got != n {
					t.Errorf("%s fetched %d times, want %d", path, got, n)
				}
			}
			for _, a := range res.Articles {
				if a.Language != tt.wantLang {
					t.Errorf("%s language = %q, want %q", a.Title, a.Language, tt.wantLang)
				}
				if a.SourceKind != news.KindMedia {
					t.Errorf("kind = %q", a.SourceKind)
				}
			}
		})
	}
}

func TestPollGDELTAndHTML(t *testing.T) {
	srv := newPollServer(t)
	cfg := testFetch()
	cfg.GDELTURL = srv.URL + "/gdelt"
	p := NewPoller(newTestFetcher(cfg), nil)

	t.Run("gdelt", func(t *testing.T) {
		src := config.Source{Name: "gdelt-mx", Type: config.SourceGDELT, Fulltext: config.FulltextNever,
			GDELT: config.GDELTQuery{Query: "(sovereignty OR intervention) sourcecountry:MX", Timespan: "2h"}}
		res, err := p.Poll(context.Background(), src, FetchState{ETag: "ignored"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Articles) != 4 {
			t.Fatalf("got %d articles", len(res.Articles))
		}
		if a := res.Articles[1]; a.URL != "https://news.example.co.uk/world/statement" || a.Language != "en" || a.Source != "gdelt-mx" {
			t.Errorf("article = %+v", a)
		}
		if res.State != (FetchState{}) {
			t.Errorf("GDELT state = %+v, want none", res.State)
		}
	})
	t.Run("gdelt error text", func(t *testing.T) {
		src := config.Source{Name: "gdelt-bad", Type: config.SourceGDELT, GDELT: config.GDELTQuery{Query: "x", Timespan: "2h"}}
		_, err := p.Poll(context.Background(), src, FetchState{})
		if !errors.Is(err, ErrGDELT) || !strings.Contains(err.Error(), `source "gdelt-bad"`) || !strings.Contains(err.Error(), "phrase is too short") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("html listing", func(t *testing.T) {
		src := config.Source{Name: "sre", Type: config.SourceHTML, URL: srv.URL + "/listing", Fulltext: config.FulltextNever,
			HTML: config.HTMLSelectors{Item: "li.comunicado", Link: "a.titulo", Date: ".fecha"}}
		res, err := p.Poll(context.Background(), src, FetchState{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Articles) != 4 {
			t.Fatalf("got %d articles: %+v", len(res.Articles), res.Articles)
		}
		a := res.Articles[0]
		if a.URL != srv.URL+"/prensa/comunicado-101" || a.Title != "Comunicado 101: posición sobre soberanía" || a.Language != "es" {
			t.Errorf("article = %+v", a)
		}
		if !strings.Contains(strings.Join(res.Warnings, "\n"), "without a usable link") {
			t.Errorf("warnings = %q", res.Warnings)
		}
	})
}

func TestPollErrors(t *testing.T) {
	srv := newPollServer(t)
	p := NewPoller(newTestFetcher(testFetch()), nil)
	tests := []struct {
		name  string
		src   config.Source
		check func(t *testing.T, err error)
	}{
		{"429 carries Retry-After", config.Source{Name: "busy", Type: config.SourceRSS, URL: srv.URL + "/busy"}, func(t *testing.T, err error) {
			var se *StatusError
			if !errors.As(err, &se) || se.RetryAfter != 5*time.Minute || !se.Temporary() {
				t.Errorf("err = %v", err)
			}
		}},
		{"html instead of a feed", config.Source{Name: "consent", Type: config.SourceRSS, URL: srv.URL + "/consent"}, func(t *testing.T, err error) {
			if !errors.Is(err, ErrNotFeed) {
				t.Errorf("err = %v", err)
			}
		}},
		{"unknown type", config.Source{Name: "odd", Type: "imap", URL: srv.URL}, func(t *testing.T, err error) {
			if !strings.Contains(err.Error(), `unknown source type "imap"`) {
				t.Errorf("err = %v", err)
			}
		}},
		{"bad selector", config.Source{Name: "sel", Type: config.SourceHTML, URL: srv.URL + "/listing", HTML: config.HTMLSelectors{Item: "li["}}, func(t *testing.T, err error) {
			if !errors.Is(err, ErrSelector) {
				t.Errorf("err = %v", err)
			}
		}},
		{"no url", config.Source{Name: "nourl", Type: config.SourceRSS}, func(t *testing.T, err error) {
			if !strings.Contains(err.Error(), "no URL") {
				t.Errorf("err = %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Poll(context.Background(), tt.src, FetchState{})
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("source %q", tt.src.Name)) {
				t.Errorf("error does not name the source: %v", err)
			}
			tt.check(t, err)
		})
	}
}

func TestFinishDedup(t *testing.T) {
	p := NewPoller(newTestFetcher(testFetch()), nil)
	parsed := Parsed{Language: "en", Articles: []news.Article{
		{Title: "a", URL: "https://x.example/a?utm_source=1", GUID: "same"},
		{Title: "a again", URL: "https://X.example/a#top", GUID: "other"},
		{Title: "b", URL: "https://x.example/b", GUID: "same"},
		{Title: "c", URL: "https://x.example/c", GUID: "c"},
		{Title: "no link", URL: "mailto:desk@x.example"},
	}}
	got, warnings := p.finish(config.Source{Name: "s"}, parsed, nil)
	want := []struct{ url, guid string }{
		{"https://x.example/a", ""},
		{"https://x.example/b", ""},
		{"https://x.example/c", "c"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].URL != w.url || got[i].GUID != w.guid {
			t.Errorf("article %d = %q %q, want %q %q", i, got[i].URL, got[i].GUID, w.url, w.guid)
		}
	}
	all := strings.Join(warnings, "\n")
	for _, w := range []string{"dropped 1 duplicate", "share GUIDs", `skipped 1 items without a usable link (first: "no link")`} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings %q miss %q", warnings, w)
		}
	}
}

func TestPollCancelled(t *testing.T) {
	srv := newPollServer(t)
	p := NewPoller(newTestFetcher(testFetch()), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := p.Poll(ctx, config.Source{Name: "diario", Type: config.SourceRSS, URL: srv.URL + "/feed.xml"}, FetchState{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled so the scheduler does not count it as a failure", err)
	}
}
