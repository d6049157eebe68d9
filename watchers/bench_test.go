package watchers

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"sovwatch/config"
)

func BenchmarkParseListing(b *testing.B) {
	body := readFixture(b, "listing.html")
	sel := config.HTMLSelectors{Item: "li.comunicado", Link: "a.titulo", Date: ".fecha"}
	for b.Loop() {
		if _, err := ParseListing(body, "text/html", "https://gob.example/prensa/", sel, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseFeed(b *testing.B) {
	body := readFixture(b, "rss2.xml")
	for b.Loop() {
		if _, err := ParseFeed(body, "application/rss+xml", "https://news.example.com/feed", 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	for b.Loop() {
		parseDate("Publicado el martes 3 de marzo de 2026", "")
	}
}

// BenchmarkPollCycle polls 1,000 feeds of 50 items each from one local
// server, as the harness does, without storage. The host gap is
// off since every feed shares one host.
func BenchmarkPollCycle(b *testing.B) {
	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench</title><link>https://bench.example/</link><language>es</language>`)
	for i := range 50 {
		fmt.Fprintf(&feed, `<item><title>Nota %d sobre soberanía</title><link>https://bench.example/%%d/nota-%d?utm_source=rss</link><guid>%%d-%d</guid><pubDate>Wed, 25 Nov 2026 14:%02d:00 +0000</pubDate><description>&lt;p&gt;Resumen breve de la nota %d.&lt;/p&gt;</description></item>`, i, i, i, i%60, i)
	}
	feed.WriteString(`</channel></rss>`)
	tmpl := feed.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := strings.TrimPrefix(r.URL.Path, "/feed/")
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, strings.ReplaceAll(tmpl, "%d", n))
	}))
	defer srv.Close()

	cfg := testFetch()
	cfg.Concurrency, cfg.PerHost = 8, 8
	p := NewPoller(NewFetcher(cfg, nil, nil), nil)
	srcs := make([]config.Source, 1000)
	for i := range srcs {
		srcs[i] = config.Source{Name: fmt.Sprintf("feed-%d", i), Type: config.SourceRSS, URL: fmt.Sprintf("%s/feed/%d", srv.URL, i), Fulltext: config.FulltextNever}
	}
	for b.Loop() {
		var wg sync.WaitGroup
		var total atomic.Int64
		sem := make(chan struct{}, 16)
		for _, src := range srcs {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				res, err := p.Poll(context.Background(), src, FetchState{})
				if err != nil {
					b.Error(err)
					return
				}
				total.Add(int64(len(res.Articles)))
			})
		}
		wg.Wait()
		if total.Load() != 50*1000 {
			b.Fatalf("got %d articles", total.Load())
		}
	}
}
