package app

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wireStory is one agency's text, which outlets republish with changes.
const wireStory = `Mexican President Claudia Sheinbaum rejected any foreign intervention on Tuesday, saying "Mexico is free, independent and sovereign". ` +
	`She spoke at her morning press conference at the National Palace after lawmakers in Washington proposed using force against drug cartels. ` +
	`Sheinbaum said cooperation on security with the United States would continue on equal terms and that Mexican forces alone would act on Mexican soil. ` +
	`The foreign ministry sent a diplomatic note asking for clarification of the proposal, officials said. ` +
	`Security cooperation between the two countries has grown over the past year, with extraditions and joint investigations into fentanyl trafficking.`

// threeOutlets serves the wire story from three outlets: the first as is,
// the second with a local paragraph, the third with a new statement from
// Washington in it.
func threeOutlets(t *testing.T, published time.Time) *httptest.Server {
	t.Helper()
	bodies := map[string]string{
		"/a.xml": wireStory,
		"/b.xml": wireStory + ` In Monterrey, business leaders said they were watching the dispute closely because of its possible effect on investment.`,
		"/c.xml": wireStory + ` President Donald Trump warned on Wednesday that the United States "will have to do something" about the cartels in Mexico, and said military action was on the table.`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		outlet := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://%s/</link><language>en</language>
<item><title>Sheinbaum rejects foreign intervention after cartel proposal</title><link>http://%s/%s/story</link><pubDate>%s</pubDate><description>%s</description></item>
</channel></rss>`, outlet, r.Host, r.Host, outlet, published.Format(time.RFC1123Z), body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// One story from three outlets makes one alert; the outlet with a new
// statement replies in its thread; the plain copy updates the alert.
func TestOneAlertPerStory(t *testing.T) {
	ctx := context.Background()
	srv := threeOutlets(t, testNow.Add(-time.Hour))
	src := fmt.Sprintf(`storage: {path: %s}
fetch: {allow_private_networks: true, host_gap: -1s}
sources:
  - {name: outlet-a, type: rss, url: %s/a.xml, fulltext: never}
  - {name: outlet-b, type: rss, url: %s/b.xml, fulltext: never}
  - {name: outlet-c, type: rss, url: %s/c.xml, fulltext: never}
`, filepath.Join(t.TempDir(), "s.db"), srv.URL, srv.URL, srv.URL)
	clock := testNow
	a, out := startApp(t, "stories.yaml", src, &clock)
	// Poll the outlets one by one, as their schedules would.
	for _, name := range []string{"outlet-a", "outlet-b", "outlet-c"} {
		if _, err := a.pipeline.Poll(ctx, name, true); err != nil {
			t.Fatal(err)
		}
		if _, err := a.deliverer.Drain(ctx); err != nil {
			t.Fatal(err)
		}
	}
	clock = clock.Add(3 * time.Minute) // updates wait to gather outlets
	if _, err := a.deliverer.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if n := strings.Count(got, "── all-statements ──"); n != 1 {
		t.Fatalf("%d top-level alerts for one story, want 1:\n%s", n, got)
	}
	if !strings.Contains(got, "↳ in the story above") || !strings.Contains(got, "[THREAT] Donald Trump (US → MX)") {
		t.Errorf("no thread reply with the new threat:\n%s", got)
	}
	if n := strings.Count(got, "── update ──"); n != 1 || !strings.Contains(got, "now reported by 3 outlets") {
		t.Errorf("want one update for the plain copy and the reply's outlet (%d):\n%s", n, got)
	}
}
