package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sovwatch/storage"
)

// fakeDiscord answers message creation as Discord does with enforce_nonce:
// a repeated nonce returns the message first created for it instead of
// posting a copy. It counts what a channel would show.
type fakeDiscord struct {
	mu       sync.Mutex
	byNonce  map[string]string // nonce -> message ID
	threads  map[string]bool   // message IDs with a thread
	shown    map[string]int    // article URL -> messages showing it
	created  int
	requests int
}

func (f *fakeDiscord) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v10/"), "/")
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPatch && len(parts) == 4 && parts[2] == "messages":
		fmt.Fprintf(w, `{"id":%q}`, parts[3]) // an edit shows no new message
		return
	case r.Method == http.MethodPost && len(parts) == 5 && parts[4] == "threads":
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.threads[parts[3]] {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"message":"A thread has already been created for this message","code":160004}`)
			return
		}
		f.threads[parts[3]] = true
		fmt.Fprintf(w, `{"id":%q,"type":11}`, parts[3])
		return
	case r.Method != http.MethodPost || len(parts) != 3 || parts[2] != "messages":
		http.NotFound(w, r)
		return
	}
	var body struct {
		Nonce        string `json:"nonce"`
		EnforceNonce bool   `json:"enforce_nonce"`
		Embeds       []struct {
			URL string `json:"url"`
		} `json:"embeds"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || !body.EnforceNonce || body.Nonce == "" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"bad request","code":50035}`)
		return
	}
	// A slow platform widens the window in which a kill can land mid-send.
	time.Sleep(40 * time.Millisecond)
	f.mu.Lock()
	f.requests++
	id, seen := f.byNonce[body.Nonce]
	if !seen {
		f.created++
		id = fmt.Sprintf("%d", 1000+f.created)
		f.byNonce[body.Nonce] = id
		for _, e := range body.Embeds {
			f.shown[e.URL]++
		}
	}
	f.mu.Unlock()
	fmt.Fprintf(w, `{"id":%q,"channel_id":%q}`, id, parts[1])
}

func (f *fakeDiscord) count() (created, requests int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.created, f.requests
}

// crashFeed serves n distinct statement-bearing stories: each has its own
// paragraph of background, so no two are one story.
func crashFeed(t *testing.T, n int) *httptest.Server {
	words := strings.Fields(`harbour tariff senate drought vaccine pipeline railway copper lithium ballot
		coalition inflation refinery hurricane embassy treaty tribunal mayor governor budget orchard glacier
		volcano festival museum cathedral satellite reactor fishery quarry vineyard airport bridge tunnel
		canal highway stadium hospital university library archive census pension subsidy wage strike union
		harvest monsoon wildfire flood earthquake landslide aquifer reservoir forest wetland coral mangrove
		cocoa coffee sugar cotton wheat maize soybean cattle salmon shrimp timber rubber nickel zinc silver`)
	background := func(i int) string {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		var b strings.Builder
		for range 40 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	speakers := []struct{ name, country string }{
		{"Gustavo Petro", "Colombia"}, {"Javier Milei", "Argentina"}, {"Daniel Noboa", "Ecuador"},
		{"José Raúl Mulino", "Panama"}, {"Nayib Bukele", "El Salvador"}, {"Mette Frederiksen", "Denmark"},
		{"Mark Carney", "Canada"}, {"Claudia Sheinbaum", "Mexico"},
	}
	topics := []string{"a naval exercise", "a drug-control treaty", "a border bridge", "a fisheries quota", "an election monitor", "a satellite launch", "a mining concession", "a port expansion"}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Crash wire</title><link>http://wire/</link>`)
		for i := range n {
			s := speakers[i%len(speakers)]
			topic := topics[(i/len(speakers))%len(topics)]
			fmt.Fprintf(&b, `<item><title>%s: %s</title><link>http://%s/story/%d</link><pubDate>%s</pubDate>
<description>President %s rejected any foreign intervention over %s on day %d, saying "%s is free, independent and sovereign". Background: %s</description></item>`,
				s.name, background(i + 1000)[:60], r.Host, i, time.Now().Add(-time.Hour).Format(time.RFC1123Z), s.name, topic, i, s.country, background(i))
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, b.String())
	}))
}

// A real sovwatch process is killed with SIGKILL twice while it delivers;
// after the last restart every alert has arrived, and none twice.
func TestSIGKILLLosesNothingAndDuplicatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "sovwatch")
	build := exec.Command("go", "build", "-o", bin, "..")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatal(err)
	}
	feed := crashFeed(t, 32)
	defer feed.Close()
	fake := &fakeDiscord{byNonce: map[string]string{}, threads: map[string]bool{}, shown: map[string]int{}}
	discord := httptest.NewServer(fake)
	defer discord.Close()
	db := filepath.Join(dir, "crash.db")
	cfgPath := filepath.Join(dir, "sovwatch.yaml")
	cfg := fmt.Sprintf(`storage: {path: %s}
discord: {token: test-token, application_id: "1", api_url: %s}
fetch: {allow_private_networks: true, jitter: -1s, host_gap: -1s}
sources:
  - {name: wire, type: rss, url: %s, fulltext: never, schedule: "@every 1h"}
watchlists:
  - {name: all, channels: ["discord:123"]}
`, db, discord.URL+"/api/v10/", feed.URL)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "run", "-config", cfgPath, "-log-level", "warn")
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	waitFor := func(cmd *exec.Cmd, what string, cond func() bool) {
		deadline := time.Now().Add(60 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				created, requests := fake.count()
				t.Fatalf("timed out waiting for %s (created %d, requests %d)", what, created, requests)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	for _, killAt := range []int{4, 12} {
		cmd := start()
		waitFor(cmd, fmt.Sprintf("%d messages", killAt), func() bool { c, _ := fake.count(); return c >= killAt })
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	cmd := start()
	allSent := func() bool {
		s, err := storage.Open(context.Background(), db)
		if err != nil {
			return false
		}
		defer s.Close()
		pending, err1 := s.Deliveries(context.Background(), storage.DeliveryPending)
		sent, err2 := s.Deliveries(context.Background(), storage.DeliverySent)
		return err1 == nil && err2 == nil && len(pending) == 0 && len(sent) > 0
	}
	waitFor(cmd, "every delivery to be sent", allSent)
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("clean stop after SIGTERM: %v", err)
	}

	s, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sent, _ := s.Deliveries(context.Background(), storage.DeliverySent)
	failed, _ := s.Deliveries(context.Background(), storage.DeliveryFailed)
	posts := 0 // alerts and thread replies; updates edit in place
	for _, d := range sent {
		if d.Kind == storage.KindAlert || d.Kind == storage.KindReply {
			posts++
		}
	}
	created, requests := fake.count()
	t.Logf("%d deliveries (%d posts), %d requests to the platform, %d messages shown", len(sent), posts, requests, created)
	if len(failed) != 0 || posts < 12 {
		t.Fatalf("sent %d posts, failed %d: %+v", posts, len(failed), failed)
	}
	if created != posts {
		t.Fatalf("the channel shows %d messages for %d posts", created, posts)
	}
	for url, n := range fake.shown {
		if n != 1 {
			t.Errorf("%s shown %d times", url, n)
		}
	}
}
