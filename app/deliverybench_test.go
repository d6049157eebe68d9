package app

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sovwatch/bot"
	"sovwatch/config"
	"sovwatch/delivery"
	"sovwatch/news"
	"sovwatch/storage"
)

// strictSlack is a fake Slack that allows one message per second per
// channel and answers 429 with Retry-After beyond it, as Slack does.
type strictSlack struct {
	mu       sync.Mutex
	last     map[string]time.Time
	shown    map[string]int // article link -> messages showing it
	limited  int
	accepted int
}

func (f *strictSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || !strings.HasSuffix(r.URL.Path, "/chat.postMessage") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ch := r.Form.Get("channel")
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	if last, ok := f.last[ch]; ok && now.Sub(last) < time.Second {
		f.limited++
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		return
	}
	f.last[ch] = now
	f.accepted++
	text := r.Form.Get("text") + r.Form.Get("blocks")
	for _, field := range strings.Fields(text) {
		if i := strings.Index(field, "https://n.example/"); i >= 0 {
			link := strings.TrimRight(field[i:], `|>"\,`)
			f.shown[link]++
			break
		}
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"%d.%06d"}`, ch, now.Unix(), f.accepted)
}

// BenchmarkDeliver1000To100Channels sends 1,000 alerts to 100 Slack
// channels through a fake Slack that allows one message per second per
// channel: all must arrive, none twice, in about the 9 s the limit allows.
func BenchmarkDeliver1000To100Channels(b *testing.B) {
	const channels, perChannel = 100, 10
	for range b.N {
		b.StopTimer()
		ctx := context.Background()
		fake := &strictSlack{last: map[string]time.Time{}, shown: map[string]int{}}
		srv := httptest.NewServer(fake)
		s, err := storage.Open(ctx, filepath.Join(b.TempDir(), "d.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.SyncConfigSources(ctx, []storage.SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}); err != nil {
			b.Fatal(err)
		}
		now := time.Now()
		var items []storage.IngestItem
		for c := range channels {
			w, err := s.SaveWatchlist(ctx, storage.Watchlist{Platform: storage.PlatformConfig, Name: fmt.Sprintf("w%d", c), Mode: "immediate", Timezone: "UTC", Channels: []string{fmt.Sprintf("slack:C%04d", c)}})
			if err != nil {
				b.Fatal(err)
			}
			for i := range perChannel {
				items = append(items, storage.IngestItem{
					Article:    news.Article{URL: fmt.Sprintf("https://n.example/%d/%d", c, i), Title: fmt.Sprintf("Story %d for channel %d", i, c), Fetched: now, Published: now},
					Statements: []news.Statement{{Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Confidence: 0.9}},
					Alerts:     []storage.AlertDraft{{WatchlistID: w.ID}},
				})
			}
		}
		if _, err := s.Ingest(ctx, storage.IngestBatch{Source: "a", Outcome: storage.PollOutcome{At: now}, Items: items}); err != nil {
			b.Fatal(err)
		}
		slack := bot.NewSlack(config.Slack{BotToken: "xoxb-test", APIURL: srv.URL + "/api/"}, quietLog(), time.UTC)
		d := delivery.New(s, map[string]delivery.Notifier{"slack": slack}, quietLog(), time.Now)
		b.StartTimer()
		start := time.Now()
		sent := 0
		for sent < channels*perChannel {
			n, err := d.Drain(ctx)
			if err != nil {
				b.Fatal(err)
			}
			sent += n
			if n == 0 {
				time.Sleep(50 * time.Millisecond) // a retry is waiting for its time
			}
		}
		elapsed := time.Since(start)
		b.StopTimer()
		allowed := time.Duration(perChannel-1) * time.Second
		b.ReportMetric(elapsed.Seconds(), "s/run")
		b.ReportMetric(elapsed.Seconds()/allowed.Seconds(), "x-limit")
		b.ReportMetric(float64(fake.limited), "429s")
		if len(fake.shown) != channels*perChannel {
			b.Fatalf("%d distinct alerts shown, want %d", len(fake.shown), channels*perChannel)
		}
		for link, n := range fake.shown {
			if n != 1 {
				b.Fatalf("%s shown %d times", link, n)
			}
		}
		s.Close()
		srv.Close()
		b.StartTimer()
	}
}
