package bot

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"The U.S. Navy moved. Mexico protested.", "«No.» ¿Sí? EE.UU. Fin.", "a. b. C", "...", "Mr. . . X"} {
		f.Add(s, "en")
		f.Add(s, "es")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		if !utf8.ValidString(text) {
			return
		}
		got := Sentences(text, lang)
		// Splitting loses only white space.
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("sentences %q do not make up %q", got, text)
		}
		for _, s := range got {
			if strings.TrimSpace(s) != s || s == "" {
				t.Fatalf("untrimmed sentence %q", s)
			}
		}
	})
}

var (
	discordUnescapedLT   = regexp.MustCompile(`(^|[^\\])<`)
	discordUnescapedLink = regexp.MustCompile(`(^|[^\\])\]\(`)
)

// FuzzRenderers feeds source-controlled text to both renderers and checks
// that nothing escapes its place and every limit holds.
func FuzzRenderers(f *testing.F) {
	f.Add("Breaking <!channel>", "quote <@U1> [x](javascript:1)", "src", "https://news.example/a", "said <http://e|b>. Then.")
	f.Add(strings.Repeat("&", 4000), strings.Repeat("<", 3000), strings.Repeat(">", 300), "javascript:alert(1)", strings.Repeat("x. ", 2000))
	f.Fuzz(func(t *testing.T, title, quote, source, link, summary string) {
		a := richAlert()
		a.Article.Title, a.Article.Source, a.Article.URL, a.Article.Summary = title, source, link, summary
		a.Article.Statements[0].Quote, a.Article.Statements[0].Speaker = quote, quote
		a.Reason = `{"terms":["` + strings.NewReplacer(`"`, "", `\`, "").Replace(quote) + `"],"statements":[0]}`
		v := BuildView(a, time.UTC, nil)

		s := RenderSlack(v)
		checkSlackLimits(t, s)
		most := 0
		if v.URL != "" {
			most = 1 // our own link, unless the URL is too long to link
		}
		if n := strings.Count(indentJSON(t, s.Blocks), "<"); n > most {
			t.Fatalf("slack blocks have %d '<', at most %d", n, most)
		}
		if strings.Contains(s.Text, "<") {
			t.Fatalf("slack fallback has '<': %q", s.Text)
		}

		d := RenderDiscord(v)
		checkDiscordLimits(t, d)
		texts := []string{d.Embed.Title, d.Embed.Description}
		for _, fl := range d.Embed.Fields {
			texts = append(texts, fl.Name, fl.Value)
		}
		for _, x := range texts {
			if discordUnescapedLT.MatchString(x) || discordUnescapedLink.MatchString(x) {
				t.Fatalf("discord text escapes: %q", x)
			}
		}
		if d.Embed.URL != "" && !SafeURL(d.Embed.URL) {
			t.Fatalf("embed url %q", d.Embed.URL)
		}
	})
}
