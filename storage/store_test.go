package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sovwatch/news"
)

var t0 = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func openTest(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "test.db")
	s, err := Open(context.Background(), path, WithClock(func() time.Time { return t0 }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.SchemaVersion(ctx); v != len(ms) {
		t.Fatalf("fresh database at version %d, want %d", v, len(ms))
	}
	s.Close()

	t.Run("re-run is a no-op", func(t *testing.T) {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if v, _ := s.SchemaVersion(ctx); v != len(ms) {
			t.Fatalf("version %d after re-open", v)
		}
		if err := s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("newer schema is refused", func(t *testing.T) {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(ms)+1)); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err = Open(ctx, path)
		if !errors.Is(err, ErrSchemaTooNew) {
			t.Fatalf("opening a newer schema: %v, want ErrSchemaTooNew", err)
		}
		// Nothing was touched: the data is still there for a newer binary.
		s, err = Open(ctx, path+"-copy")
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	})
}

func TestSourceSyncAndFetchState(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	defs := []SourceDef{
		{Name: "a", Type: "rss", URL: "https://a.example/feed", Kind: "media", Enabled: true},
		{Name: "b", Type: "html", URL: "https://b.example/", Kind: "official", Enabled: true},
	}
	if err := s.SyncConfigSources(ctx, defs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSource(ctx, SourceDef{Name: "chat-one", Type: "rss", URL: "https://c.example/", Kind: "media", Enabled: true}, OriginChat); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSource(ctx, SourceDef{Name: "a", Type: "rss", URL: "https://x.example/"}, OriginChat); !errors.Is(err, ErrExists) {
		t.Fatalf("adding a taken name: %v", err)
	}
	if err := s.RecordPollSuccess(ctx, "a", PollOutcome{ETag: `"v1"`, LastModified: "Wed, 25 Nov 2026 10:00:00 GMT", At: t0}); err != nil {
		t.Fatal(err)
	}
	src, err := s.RecordPollFailure(ctx, "a", "fetch: 503", t0.Add(time.Hour), t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	src, err = s.RecordPollFailure(ctx, "a", "fetch: 503 again", t0.Add(2*time.Hour), t0.Add(4*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if src.Failures != 2 || !src.FailingSince.Equal(t0.Add(time.Hour)) || src.ETag != `"v1"` || !src.FirstSuccess.Equal(t0) || src.LastError != "fetch: 503 again" {
		t.Fatalf("fetch state after failures: %+v", src)
	}
	// Dropping b from the config disables it but keeps chat sources.
	if err := s.SyncConfigSources(ctx, defs[:1]); err != nil {
		t.Fatal(err)
	}
	all, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	enabled := map[string]bool{}
	for _, x := range all {
		enabled[x.Name] = x.Enabled
	}
	if len(all) != 3 || !enabled["a"] || enabled["b"] || !enabled["chat-one"] {
		t.Fatalf("after re-sync: %v", enabled)
	}
	a, _ := s.Source(ctx, "a")
	if a.Failures != 2 || a.ETag != `"v1"` {
		t.Fatalf("re-sync lost fetch state: %+v", a)
	}
	if err := s.RecordPollSuccess(ctx, "a", PollOutcome{At: t0.Add(5 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a, _ = s.Source(ctx, "a")
	if a.Failures != 0 || !a.FailingSince.IsZero() || !a.NextAttempt.IsZero() {
		t.Fatalf("success did not reset failures: %+v", a)
	}
	if _, err := s.Source(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing source: %v", err)
	}
}

func article(url, guid, title string) news.Article {
	return news.Article{URL: url, GUID: guid, Title: title, Summary: "s", Fetched: t0, Published: t0.Add(-time.Hour), Language: "en"}
}

func TestIngestDeduplicatesAcrossSources(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.SyncConfigSources(ctx, []SourceDef{
		{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true},
		{Name: "b", Type: "rss", URL: "https://b.example/", Kind: "media", Enabled: true},
	}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "all", Statements: "required", Mode: "immediate", Timezone: "UTC", Channels: []string{"console", "slack:C1"}})
	must(t, err)
	digest, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "weekly", Mode: "digest", Schedule: "0 8 * * 1", Timezone: "UTC", Channels: []string{"console"}})
	must(t, err)

	st := news.Statement{Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Targets: []string{"US"}, Quote: "q", Cues: []string{"rejected"}, Confidence: 0.9}
	res, err := s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{ETag: "e1", At: t0}, Items: []IngestItem{
		{Article: article("https://n.example/1", "guid-1", "One"), Statements: []news.Statement{st}, Alerts: []AlertDraft{{WatchlistID: w.ID}, {WatchlistID: digest.ID}}},
		{Article: article("https://n.example/2", "", "Two")},
	}})
	must(t, err)
	if len(res.NewArticles) != 2 || res.Alerts != 2 || res.Deliveries != 2 {
		t.Fatalf("first ingest: %+v", res)
	}
	// Source b carries article 1 under another URL but the same GUID, and
	// article 2 under the same URL: sightings, no new alert, and one
	// update (a new outlet) of article 1's posted alert in each channel.
	res, err = s.Ingest(ctx, IngestBatch{Source: "b", Outcome: PollOutcome{At: t0.Add(time.Minute)}, Items: []IngestItem{
		{Article: article("https://mirror.example/1", "guid-1", "One"), Alerts: []AlertDraft{{WatchlistID: w.ID}}},
		{Article: article("https://n.example/2", "", "Two"), Alerts: []AlertDraft{{WatchlistID: w.ID}}},
		{Article: article("https://n.example/3", "", "Three")},
	}})
	must(t, err)
	if len(res.NewArticles) != 1 || res.Sightings != 2 || res.Alerts != 0 || res.Updates != 2 || res.Deliveries != 2 {
		t.Fatalf("second ingest: %+v", res)
	}
	known, err := s.KnownArticles(ctx, []ArticleKey{{URL: "https://n.example/1"}, {URL: "https://other/", GUID: "guid-1"}, {URL: "https://n.example/9"}})
	must(t, err)
	if len(known) != 2 || known[ArticleKey{URL: "https://n.example/9"}] {
		t.Fatalf("known: %v", known)
	}
	// The GUID column also matches a later poll's URL (a replaced link).
	for _, k := range []ArticleKey{{URL: "https://n.example/3"}, {URL: "https://elsewhere/", GUID: "guid-1"}, {URL: "guid-1"}, {URL: "https://n.example/9", GUID: "g9"}} {
		seen, err := s.Seen(ctx, k.URL, k.GUID)
		must(t, err)
		if seen != (k.URL != "https://n.example/9") {
			t.Errorf("Seen(%+v) = %v", k, seen)
		}
	}
	pending, err := s.Deliveries(ctx, DeliveryPending)
	must(t, err)
	if len(pending) != 4 || pending[0].Kind != KindAlert || pending[3].Kind != KindUpdate {
		t.Fatalf("pending deliveries: %+v, want 2 alerts and 2 updates (the digest watchlist queues none)", pending)
	}
	c, err := s.AlertContent(ctx, pending[0].AlertID)
	must(t, err)
	if c.Article.Title != "One" || len(c.Article.Statements) != 1 || c.Article.Statements[0].Speaker != "Claudia Sheinbaum" ||
		c.Article.Statements[0].Targets[0] != "US" || len(c.SeenIn) != 2 || c.Watchlist.Name != "all" {
		t.Fatalf("alert content: %+v", c)
	}
	var titles []string
	must(t, s.ArticlesSince(ctx, t0.Add(-2*time.Hour), func(a StoredArticle) error {
		titles = append(titles, a.Title)
		return nil
	}))
	if len(titles) != 3 {
		t.Fatalf("articles since: %v", titles)
	}
	src, _ := s.Source(ctx, "a")
	if src.ETag != "e1" {
		t.Fatalf("ingest did not record the poll: %+v", src)
	}
}

func TestIngestUnknownSourceStoresNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	_, err := s.Ingest(ctx, IngestBatch{Source: "ghost", Outcome: PollOutcome{At: t0}, Items: []IngestItem{{Article: article("https://n.example/1", "", "x")}}})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("ingest from unknown source: %v", err)
	}
	known, _ := s.KnownArticles(ctx, []ArticleKey{{URL: "https://n.example/1"}})
	if len(known) != 0 {
		t.Fatal("a failed ingest left an article behind")
	}
}

func TestWatchlistSyncNeverDuplicates(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	ws := []Watchlist{
		{Name: "mx", Query: "Mexico", Types: []string{"intervention_threat"}, Targets: []string{"MX"}, Mode: "immediate", Statements: "required", Timezone: "UTC", Channels: []string{"console"}},
		{Name: "gl", Query: "Greenland", Mode: "digest", Schedule: "0 8 * * *", Statements: "required", Timezone: "UTC", Channels: []string{"console", "discord:1"}},
	}
	must(t, s.SyncConfigWatchlists(ctx, ws))
	ws[0].Query = "Mexico OR México"
	ws[0].Channels = []string{"slack:C1"}
	must(t, s.SyncConfigWatchlists(ctx, ws))
	must(t, s.SyncConfigWatchlists(ctx, ws[:1]))
	chat, err := s.SaveWatchlist(ctx, Watchlist{Platform: "slack", Workspace: "T1", Channel: "C9", CreatedBy: "U1", Name: "mx", Query: "x", Mode: "immediate", Statements: "any", Timezone: "UTC", Channels: []string{"slack:C9"}})
	must(t, err)
	got, err := s.Watchlists(ctx)
	must(t, err)
	if len(got) != 2 || got[0].Query != "Mexico OR México" || len(got[0].Channels) != 1 || got[0].Channels[0] != "slack:C1" || got[0].Targets[0] != "MX" {
		t.Fatalf("watchlists: %+v", got)
	}
	must(t, s.SetWatchlistPaused(ctx, chat.ID, true))
	w, err := s.Watchlist(ctx, chat.ID)
	must(t, err)
	if !w.Paused || w.CreatedBy != "U1" || w.Workspace != "T1" {
		t.Fatalf("chat watchlist: %+v", w)
	}
	must(t, s.DeleteWatchlist(ctx, chat.ID))
	if err := s.DeleteWatchlist(ctx, chat.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestOutboxLeases(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "all", Mode: "immediate", Timezone: "UTC", Channels: []string{"console", "slack:C1", "discord:2"}})
	must(t, err)
	_, err = s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{At: t0}, Items: []IngestItem{
		{Article: article("https://n.example/1", "", "One"), Alerts: []AlertDraft{{WatchlistID: w.ID}}},
	}})
	must(t, err)
	first, err := s.ClaimDeliveries(ctx, t0, time.Minute, 10, 10)
	must(t, err)
	if len(first) != 3 || first[0].Attempts != 1 || first[0].ID > first[1].ID {
		t.Fatalf("claim: %+v", first)
	}
	again, err := s.ClaimDeliveries(ctx, t0.Add(30*time.Second), time.Minute, 10, 10)
	must(t, err)
	if len(again) != 0 {
		t.Fatalf("leased rows were claimed twice: %+v", again)
	}
	must(t, s.MarkDelivered(ctx, first[0].ID, "ts-1", t0))
	must(t, s.MarkRetry(ctx, first[1].ID, "429", t0.Add(10*time.Minute)))
	must(t, s.MarkFailed(ctx, first[2].ID, "channel_not_found"))
	// The process "died" with nothing leased; nothing is due until the retry.
	due, err := s.ClaimDeliveries(ctx, t0.Add(5*time.Minute), time.Minute, 10, 10)
	must(t, err)
	if len(due) != 0 {
		t.Fatalf("due before retry time: %+v", due)
	}
	due, err = s.ClaimDeliveries(ctx, t0.Add(11*time.Minute), time.Minute, 10, 10)
	must(t, err)
	if len(due) != 1 || due[0].ID != first[1].ID || due[0].Attempts != 2 || due[0].LastError != "429" {
		t.Fatalf("retry claim: %+v", due)
	}
	// A lease that expires without an answer makes the row due again.
	due, err = s.ClaimDeliveries(ctx, t0.Add(13*time.Minute), time.Minute, 10, 10)
	must(t, err)
	if len(due) != 1 || due[0].Attempts != 3 {
		t.Fatalf("expired lease: %+v", due)
	}
	sent, _ := s.Deliveries(ctx, DeliverySent)
	failed, _ := s.Deliveries(ctx, DeliveryFailed)
	if len(sent) != 1 || sent[0].RemoteID != "ts-1" || len(failed) != 1 || failed[0].LastError != "channel_not_found" {
		t.Fatalf("sent %+v failed %+v", sent, failed)
	}
}

func TestMutes(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.AddMute(ctx, Mute{Platform: "slack", Workspace: "T1", Channel: "C1", Scope: "speaker", Value: "Donald Trump", Until: t0.Add(time.Hour)}))
	must(t, s.AddMute(ctx, Mute{Platform: "slack", Workspace: "T1", Channel: "C1", Scope: "source", Value: "tabloid"}))
	ms, err := s.ActiveMutes(ctx, "slack", "T1", "C1", t0)
	must(t, err)
	if len(ms) != 2 {
		t.Fatalf("mutes: %+v", ms)
	}
	ms, _ = s.ActiveMutes(ctx, "slack", "T1", "C1", t0.Add(2*time.Hour))
	if len(ms) != 1 || ms[0].Scope != "source" {
		t.Fatalf("after expiry: %+v", ms)
	}
	must(t, s.RemoveMute(ctx, "slack", "T1", "C1", "source", "tabloid"))
	if err := s.RemoveMute(ctx, "slack", "T1", "C1", "source", "tabloid"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second remove: %v", err)
	}
}

// Concurrent writers through two handles on one file (as two processes
// would) and many goroutines on each must all commit.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	s1, path := openTest(t)
	s2, err := Open(ctx, path)
	must(t, err)
	defer s2.Close()
	var defs []SourceDef
	for i := range 8 {
		defs = append(defs, SourceDef{Name: fmt.Sprintf("s%d", i), Type: "rss", URL: "https://x.example/", Kind: "media", Enabled: true})
	}
	must(t, s1.SyncConfigSources(ctx, defs))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		store := s1
		if i%2 == 1 {
			store = s2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 25 {
				// Every writer also carries one article all the others carry.
				_, err := store.Ingest(ctx, IngestBatch{Source: fmt.Sprintf("s%d", i), Outcome: PollOutcome{At: t0}, Items: []IngestItem{
					{Article: article(fmt.Sprintf("https://n.example/%d/%d", i, j), "", "x")},
					{Article: article("https://n.example/shared", "", "shared")},
				}})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var n int
	var shared int64
	must(t, s1.ArticlesSince(ctx, time.Time{}, func(a StoredArticle) error {
		n++
		if a.Title == "shared" {
			shared = a.ID
		}
		return nil
	}))
	if n != 8*25+1 {
		t.Fatalf("stored %d articles, want %d", n, 8*25+1)
	}
	seen, err := s1.Sightings(ctx, shared)
	must(t, err)
	if len(seen) != 8 {
		t.Fatalf("shared article seen in %v, want all 8 sources", seen)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestOutboxKeepsChannelOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "all", Mode: "immediate", Timezone: "UTC", Channels: []string{"slack:C1", "slack:C2"}})
	must(t, err)
	var items []IngestItem
	for i := range 4 {
		items = append(items, IngestItem{Article: article(fmt.Sprintf("https://n.example/%d", i), "", "x"), Alerts: []AlertDraft{{WatchlistID: w.ID}}})
	}
	_, err = s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{At: t0}, Items: items})
	must(t, err)

	// At most two per channel, oldest first.
	got, err := s.ClaimDeliveries(ctx, t0, time.Minute, 100, 2)
	must(t, err)
	perChannel := map[string][]int64{}
	for _, d := range got {
		perChannel[d.Channel] = append(perChannel[d.Channel], d.ID)
	}
	if len(got) != 4 || len(perChannel["slack:C1"]) != 2 || len(perChannel["slack:C2"]) != 2 {
		t.Fatalf("claimed %+v", perChannel)
	}
	// C1's first message must be retried later; C1's second is given back.
	c1 := perChannel["slack:C1"]
	must(t, s.MarkRetry(ctx, c1[0], "429", t0.Add(time.Minute)))
	must(t, s.ReleaseDeliveries(ctx, c1[1:]))
	for _, id := range perChannel["slack:C2"] {
		must(t, s.MarkDelivered(ctx, id, "ts", t0))
	}
	// Nothing of C1 may overtake its waiting message; C2 goes on.
	got, err = s.ClaimDeliveries(ctx, t0.Add(time.Second), time.Minute, 100, 10)
	must(t, err)
	for _, d := range got {
		if d.Channel == "slack:C1" {
			t.Fatalf("C1 delivery %d claimed while an older one waits for its retry", d.ID)
		}
	}
	if len(got) != 2 {
		t.Fatalf("C2 should have its last two: %+v", got)
	}
	for _, d := range got {
		must(t, s.MarkDelivered(ctx, d.ID, "ts", t0))
	}
	// Once the retry is due, C1 resumes in order; the released one was not
	// counted as an attempt.
	got, err = s.ClaimDeliveries(ctx, t0.Add(2*time.Minute), time.Minute, 100, 10)
	must(t, err)
	if len(got) != 4 || got[0].ID != c1[0] || got[0].Attempts != 2 || got[1].ID != c1[1] || got[1].Attempts != 1 {
		t.Fatalf("C1 after retry: %+v", got)
	}
}

func TestNoticesAreQueuedOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	for i := range 3 {
		queued, err := s.EnqueueNotice(ctx, "slack:CADMIN", "source-failing:a:1700000000", "source a has been failing for a day", t0)
		must(t, err)
		if queued != (i == 0) {
			t.Fatalf("attempt %d queued=%v", i, queued)
		}
	}
	queued, err := s.EnqueueNotice(ctx, "slack:CADMIN", "source-failing:b:1700000000", "source b too", t0)
	must(t, err)
	if !queued {
		t.Fatal("a notice with another key was not queued")
	}
	got, err := s.ClaimDeliveries(ctx, t0, time.Minute, 10, 10)
	must(t, err)
	if len(got) != 2 || got[0].Kind != KindNotice || got[0].AlertID != 0 || got[0].Payload != "source a has been failing for a day" {
		t.Fatalf("claimed %+v", got)
	}
}

func TestStoriesAlertOnceThenReplyOrUpdate(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.SyncConfigSources(ctx, []SourceDef{
		{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true},
		{Name: "b", Type: "rss", URL: "https://b.example/", Kind: "media", Enabled: true},
	}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "w", Mode: "immediate", Timezone: "UTC", Channels: []string{"slack:C1"}})
	must(t, err)
	threat := news.Statement{Type: news.InterventionThreat, Speaker: "Donald Trump", Actor: "US", Targets: []string{"MX"}, Confidence: 0.9}
	rejection := news.Statement{Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Targets: []string{"US"}, Confidence: 0.9}
	alert := []AlertDraft{{WatchlistID: w.ID}}

	res, err := s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{At: t0}, Items: []IngestItem{
		{Article: article("https://a.example/1", "", "Trump threatens strikes"), Statements: []news.Statement{threat}, Alerts: alert, Fingerprint: []byte{1, 2}},
	}})
	must(t, err)
	story := res.Stories[0]
	if res.Alerts != 1 || story == 0 {
		t.Fatalf("first article: %+v", res)
	}
	// Same story from b: the same threat again is an update; the reply
	// from Mexico is a new statement for the thread.
	res, err = s.Ingest(ctx, IngestBatch{Source: "b", Outcome: PollOutcome{At: t0.Add(time.Minute)}, Items: []IngestItem{
		{Article: article("https://b.example/1", "", "Trump threat"), Statements: []news.Statement{threat}, Alerts: alert, StoryID: story},
		{Article: article("https://b.example/2", "", "Mexico answers"), Statements: []news.Statement{rejection, threat}, Alerts: alert, StoryID: story},
		{Article: article("https://b.example/3", "", "Threat, third outlet"), Statements: []news.Statement{threat}, Alerts: alert, StoryID: story},
	}})
	must(t, err)
	if res.Alerts != 0 || res.Replies != 1 || res.Updates != 1 || res.Stories[1] != story {
		t.Fatalf("same story: %+v, want one reply and one coalesced update", res)
	}
	// The reply's statements now count as shown: the rejection again is an update.
	res, err = s.Ingest(ctx, IngestBatch{Source: "b", Outcome: PollOutcome{At: t0.Add(2 * time.Minute)}, Items: []IngestItem{
		{Article: article("https://b.example/4", "", "Mexico again"), Statements: []news.Statement{rejection}, Alerts: alert, StoryID: story},
		{Article: article("https://b.example/5", "", "Other story"), Statements: []news.Statement{threat}, Alerts: alert, StoryID: 424242},
	}})
	must(t, err)
	if res.Alerts != 1 || res.Replies != 0 || res.Updates != 0 || res.Stories[1] != 424242 {
		t.Fatalf("later: %+v (the update is still pending; a story the grouper numbered is created under its ID)", res)
	}
	pending, err := s.Deliveries(ctx, DeliveryPending)
	must(t, err)
	kinds := map[string]int{}
	for _, d := range pending {
		kinds[d.Kind]++
	}
	if kinds[KindAlert] != 2 || kinds[KindReply] != 1 || kinds[KindUpdate] != 1 {
		t.Fatalf("outbox: %v", kinds)
	}
	// Claimed now: both alerts and the reply; the update waits to gather
	// outlets and does not hold the channel back.
	got, err := s.ClaimDeliveries(ctx, t0.Add(2*time.Minute), time.Minute, 10, 10)
	must(t, err)
	if len(got) != 3 || got[0].Kind != KindAlert || got[1].Kind != KindReply || got[2].Kind != KindAlert {
		t.Fatalf("claimed %+v", got)
	}
	must(t, s.MarkDelivered(ctx, got[0].ID, "1700000000.000100", t0))
	posted, err := s.PostedMessage(ctx, got[0].AlertID, "slack:C1")
	must(t, err)
	c, err := s.DeliveryContent(ctx, got[1])
	must(t, err)
	if posted != "1700000000.000100" || c.Article.Title != "Mexico answers" || len(c.SeenIn) != 2 || c.StoryID != story {
		t.Fatalf("reply content: %q %+v", posted, c)
	}
}

// A database written before stories existed keeps its articles and alerts,
// each article becoming its own story.
func TestMigrationToStoriesKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s := &Store{stmts: map[string]*sql.Stmt{}, now: func() time.Time { return t0 }}
	var err error
	s.db, err = sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_txlock=immediate")
	must(t, err)
	ms, err := loadMigrations()
	must(t, err)
	must(t, s.migrateTo(ctx, ms, 2))
	must(t, s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}))
	_, err = s.db.ExecContext(ctx, `INSERT INTO watchlists (platform, name, created_at, updated_at) VALUES ('config', 'w', 0, 0)`)
	must(t, err)
	_, err = s.db.ExecContext(ctx, `INSERT INTO articles (url, source_id, title, published_at, fetched_at) VALUES ('https://old/1', 1, 'old', 1, 1)`)
	must(t, err)
	_, err = s.db.ExecContext(ctx, `INSERT INTO alerts (watchlist_id, article_id, created_at) VALUES (1, 1, 1)`)
	must(t, err)
	s.db.Close()

	s2, err := Open(ctx, path, WithClock(func() time.Time { return t0 }))
	must(t, err)
	defer s2.Close()
	if v, _ := s2.SchemaVersion(ctx); v != len(ms) {
		t.Fatalf("version %d", v)
	}
	c, err := s2.AlertContent(ctx, 1)
	must(t, err)
	if c.StoryID != 1 || c.Article.Title != "old" {
		t.Fatalf("migrated alert: %+v", c)
	}
}

func TestDigests(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	must(t, s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "d", Mode: "digest", Schedule: "0 8 * * *", Timezone: "UTC", Channels: []string{"console", "slack:C1"}})
	must(t, err)
	st := news.Statement{Type: news.InterventionThreat, Speaker: "X", Actor: "US", Confidence: 0.9}
	for i, at := range []time.Time{t0, t0.Add(time.Hour), t0.Add(30 * time.Hour)} {
		_, err := s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{At: at}, Items: []IngestItem{
			{Article: article(fmt.Sprintf("https://n.example/%d", i), "", fmt.Sprintf("story %d", i)), Statements: []news.Statement{st}, Alerts: []AlertDraft{{WatchlistID: w.ID}}},
		}})
		must(t, err)
	}
	if pending, _ := s.Deliveries(ctx, DeliveryPending); len(pending) != 0 {
		t.Fatalf("a digest watchlist queued %d immediate deliveries", len(pending))
	}
	last, err := s.LastDigestEnd(ctx, w.ID)
	must(t, err)
	if !last.IsZero() {
		t.Fatalf("no digest yet, got %v", last)
	}
	end := t0.Add(24 * time.Hour)
	items, err := s.DigestAlerts(ctx, w.ID, t0.Add(-time.Hour), end)
	must(t, err)
	if len(items) != 2 || items[0].Article.Title != "story 0" || len(items[1].Outlets) != 1 || len(items[0].Article.Statements) != 1 {
		t.Fatalf("digest items: %+v", items)
	}
	n, err := s.RecordDigest(ctx, w.ID, t0.Add(-time.Hour), end, len(items), `{"stories":2}`)
	must(t, err)
	if n != 2 {
		t.Fatalf("queued %d digest deliveries, want one per channel", n)
	}
	if _, err := s.RecordDigest(ctx, w.ID, t0.Add(-time.Hour), end, len(items), `{"stories":2}`); !errors.Is(err, ErrDigestExists) {
		t.Fatalf("second record of the period: %v", err)
	}
	// An empty period is recorded (the next one starts after it) but not posted.
	n, err = s.RecordDigest(ctx, w.ID, end, end.Add(time.Hour), 0, "")
	must(t, err)
	last, _ = s.LastDigestEnd(ctx, w.ID)
	if n != 0 || !last.Equal(end.Add(time.Hour)) {
		t.Fatalf("empty period: queued %d, last end %v", n, last)
	}
	got, err := s.ClaimDeliveries(ctx, t0, time.Minute, 10, 10)
	must(t, err)
	if len(got) != 2 || got[0].Kind != KindDigest || got[0].Payload != `{"stories":2}` {
		t.Fatalf("claimed %+v", got)
	}
}

func TestDestinationRefusals(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	if _, ok, err := s.DestinationRefusal(ctx, "slack:C1"); ok || err != nil {
		t.Fatalf("fresh: %v %v", ok, err)
	}
	must(t, s.RefuseDestination(ctx, "slack:C1", "not_in_channel", t0, t0.Add(time.Hour)))
	must(t, s.RefuseDestination(ctx, "slack:C1", "channel_not_found", t0.Add(time.Minute), t0.Add(2*time.Hour)))
	r, ok, err := s.DestinationRefusal(ctx, "slack:C1")
	must(t, err)
	if !ok || r.Reason != "channel_not_found" || !r.At.Equal(t0) || !r.Until.Equal(t0.Add(2*time.Hour)) {
		t.Fatalf("refusal: %+v", r)
	}
	all, err := s.Refusals(ctx)
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("refusals: %+v", all)
	}
	must(t, s.ClearRefusal(ctx, "slack:C1"))
	if _, ok, _ := s.DestinationRefusal(ctx, "slack:C1"); ok {
		t.Fatal("refusal survived clearing")
	}
}

func TestLockAndReleaseLeases(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	unlock, err := Lock(path)
	must(t, err)
	if _, err := Lock(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v", err)
	}
	must(t, unlock())
	unlock, err = Lock(path)
	must(t, err)
	defer unlock()

	must(t, s.SyncConfigSources(ctx, []SourceDef{{Name: "a", Type: "rss", URL: "https://a.example/", Kind: "media", Enabled: true}}))
	w, err := s.SaveWatchlist(ctx, Watchlist{Platform: PlatformConfig, Name: "w", Mode: "immediate", Timezone: "UTC", Channels: []string{"console"}})
	must(t, err)
	_, err = s.Ingest(ctx, IngestBatch{Source: "a", Outcome: PollOutcome{At: t0}, Items: []IngestItem{{Article: article("https://n.example/1", "", "x"), Alerts: []AlertDraft{{WatchlistID: w.ID}}}}})
	must(t, err)
	got, err := s.ClaimDeliveries(ctx, t0, time.Hour, 10, 10)
	must(t, err)
	if len(got) != 1 {
		t.Fatalf("claimed %d", len(got))
	}
	// The claimer "died"; the next process takes the lease back at once.
	n, err := s.ReleaseLeases(ctx)
	must(t, err)
	got, err = s.ClaimDeliveries(ctx, t0.Add(time.Second), time.Hour, 10, 10)
	must(t, err)
	if n != 1 || len(got) != 1 || got[0].Attempts != 2 {
		t.Fatalf("released %d, reclaimed %+v", n, got)
	}
}
