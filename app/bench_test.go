package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sovwatch/config"
)

// benchFeeds serves feeds/N.xml: nFeeds RSS feeds of nItems items each.
// One item in ten is a wire story that every feed carries, as syndication
// does, so the cycle also exercises de-duplication across sources.
func benchFeeds(nFeeds, nItems int, now time.Time) *httptest.Server {
	leads := []string{
		"Mexican President Claudia Sheinbaum rejected any foreign intervention on Tuesday, saying \"Mexico is free, independent and sovereign\" after remarks in Washington about strikes on cartels.",
		"Danish Prime Minister Mette Frederiksen said Greenland was not for sale and that its people alone would decide their future, answering renewed talk in Washington of buying the island.",
		"Finance ministers met in Santiago to discuss regional trade, with talks centred on copper exports, lithium royalties and a new customs agreement expected early next year.",
		"El canciller venezolano rechazó la injerencia extranjera en los asuntos internos del país y afirmó que Venezuela defenderá su soberanía frente a cualquier amenaza.",
		"The central bank held rates steady for a third month as inflation eased, and analysts expect the currency to stay within its recent range through the holiday season.",
	}
	filler := " Officials from several ministries attended the meeting, and a spokesperson said further talks were planned for the coming weeks. Analysts noted that the regional context had changed since the last summit, and that trade and security would dominate the agenda."
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/feeds/"), ".xml"))
		if err != nil || n < 0 || n >= nFeeds {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed %d</title><link>http://%s/</link>`, n, r.Host)
		for i := range nItems {
			link := fmt.Sprintf("http://%s/f%d/story-%d?utm_source=rss", r.Host, n, i)
			if i%10 == 0 {
				link = fmt.Sprintf("http://%s/wire/story-%d", r.Host, i)
			}
			pub := now.Add(-time.Duration(i) * 10 * time.Minute).Format(time.RFC1123Z)
			fmt.Fprintf(&b, `<item><title>Story %d of feed %d</title><link>%s</link><pubDate>%s</pubDate><description>%s%s</description></item>`,
				i, n, link, pub, leads[(n+i)%len(leads)], filler)
		}
		b.WriteString(`</channel></rss>`)
		io.WriteString(w, b.String())
	}))
}

// BenchmarkPollCycle is one full poll cycle of 1,000 feeds of 50 items
// each, served by one local server, into a fresh database: fetch, parse,
// de-duplicate, detect, match, and store articles, statements, alerts and
// outbox rows. Delivering the alerts is the deliverer's work, measured
// with it.
// Peak memory: /usr/bin/time -v go test -run '^$' -bench PollCycle -benchtime 1x ./app
func BenchmarkPollCycle(b *testing.B) {
	const nFeeds, nItems = 1000, 50
	now := time.Now()
	srv := benchFeeds(nFeeds, nItems, now)
	defer srv.Close()
	var yaml strings.Builder
	yaml.WriteString("fetch:\n  allow_private_networks: true\n  host_gap: -1s\n  per_host: 16\n  concurrency: 16\nsources:\n")
	for i := range nFeeds {
		fmt.Fprintf(&yaml, "  - {name: feed-%d, type: rss, url: '%s/feeds/%d.xml', fulltext: never}\n", i, srv.URL, i)
	}
	for range b.N {
		b.StopTimer()
		cfg, err := config.Parse("bench.yaml", []byte(yaml.String()), func(string) (string, bool) { return "", false })
		if err != nil {
			b.Fatal(err)
		}
		cfg.Storage.Path = filepath.Join(b.TempDir(), "bench.db")
		a, err := New(context.Background(), cfg, Options{Log: quietLog(), Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, errs := a.pollAll(context.Background()); len(errs) > 0 {
			b.Fatal(errs[0])
		}
		b.StopTimer()
		pending, err := a.store.Deliveries(context.Background(), "pending")
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(pending)), "deliveries/cycle")
		a.Close()
		b.StartTimer()
	}
}
