package bot

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"sovwatch/news"
	"sovwatch/storage"
)

// hostile is text a source could send to break out of its place.
const hostile = "<!channel> <!here> <@U123> <!subteam^S999> <http://evil.example|bank.com> @everyone @here <@&42> " +
	"[click](javascript:alert(1)) **bold** `code` # heading &amp; & > quote"

var renderCases = []struct {
	name     string
	alert    func() storage.AlertContent
	mentions []Mention
}{
	{"two_statements", richAlert, nil},
	{"no_statements_official", func() storage.AlertContent {
		a := richAlert()
		a.Article.Statements = nil
		a.Article.SourceKind = news.KindOfficial
		a.Article.Source = "presidencia-mx"
		a.Reason = `{"terms":["soberanía"]}`
		a.SeenIn = []string{"presidencia-mx"}
		return a
	}, nil},
	{"long_quotes", func() storage.AlertContent {
		a := richAlert()
		for i := range a.Article.Statements {
			a.Article.Statements[i].Quote = strings.Repeat(fmt.Sprintf("Long quote %d goes on and on & on. ", i), 150)
		}
		a.Article.Summary = strings.Repeat("A very long lead sentence that does not stop ", 40) + "."
		return a
	}, nil},
	{"spanish", func() storage.AlertContent {
		a := richAlert()
		a.Article.Language = "es"
		a.Article.Title = "Sheinbaum rechaza cualquier intervención de EE.UU. en México"
		a.Article.Summary = "La presidenta de México, Claudia Sheinbaum, rechazó este martes cualquier intervención de EE.UU. en territorio nacional. " +
			"El Sr. Ebrard viajará a Washington la próxima semana. ¿Habrá acuerdo? Nadie lo sabe."
		a.Article.Statements = []news.Statement{{
			Type: news.InterventionRejection, Speaker: "Claudia Sheinbaum", Actor: "MX", Targets: []string{"US"},
			Quote:    "México es un país libre, independiente y soberano; no aceptamos intervención",
			Sentence: "«México es un país libre, independiente y soberano; no aceptamos intervención», dijo la mandataria.",
			Cues:     []string{"no aceptamos", "intervención"}, Confidence: 0.93,
		}}
		a.Reason = `{"terms":["intervención","soberan*"],"statements":[0]}`
		return a
	}, nil},
	{"many_sources", func() storage.AlertContent {
		a := richAlert()
		a.SeenIn = []string{a.Article.Source}
		for i := 1; i < 30; i++ {
			a.SeenIn = append(a.SeenIn, fmt.Sprintf("outlet-%02d", i))
		}
		return a
	}, nil},
	{"many_statements", func() storage.AlertContent {
		a := richAlert()
		var sts []news.Statement
		for i := range 60 {
			sts = append(sts, news.Statement{
				Type: news.StatementTypes[i%4], Speaker: fmt.Sprintf("Speaker %d", i), Actor: "MX", Targets: []string{"US"},
				Quote: strings.Repeat(fmt.Sprintf("Statement %d words. ", i), 20), Confidence: 0.7,
			})
		}
		a.Article.Statements = sts
		a.Reason = `{"terms":["sovereignty"]}`
		return a
	}, nil},
	{"hostile", func() storage.AlertContent {
		a := richAlert()
		a.Article.Title = "Breaking " + hostile
		a.Article.Source = "evil <@U777> source"
		a.Article.URL = "javascript:alert(1)"
		a.Article.Summary = "First " + hostile + ". Second sentence here."
		a.Article.Statements[0].Speaker = "<@U123> [Trusted](https://evil.example)"
		a.Article.Statements[0].Quote = hostile
		a.Article.Statements[0].Cues = []string{"<!channel>", "[x](https://evil.example)"}
		a.Reason = `{"terms":["<!here>","[y](javascript:1)"],"statements":[0]}`
		a.Watchlist.Name = "wl <!channel>"
		a.SeenIn = []string{a.Article.Source, "<!everyone>", "@everyone"}
		return a
	}, nil},
	{"hostile_link_in_url", func() storage.AlertContent {
		a := richAlert()
		a.Article.URL = "https://news.example/a|<!channel>>x"
		return a
	}, nil},
	{"mention", richAlert, []Mention{
		{Kind: SlackUserGroup, ID: "S0ONCALL"},
		{Kind: SlackUser, ID: "U0ANALYST", Types: []news.StatementType{news.InterventionRejection}, MinConfidence: 0.8},
		{Kind: SlackUser, ID: "U0NOTME", Types: []news.StatementType{news.InterventionThreat}, MinConfidence: 0.8},
		{Kind: SlackUser, ID: "<!channel>"}, // malformed configuration: dropped
		{Kind: DiscordRole, ID: "111222333444555666"},
		{Kind: DiscordUser, ID: "777888999000111222", Types: []news.StatementType{news.SovereigntyAssertion}},
		{Kind: DiscordRole, ID: "everyone"}, // malformed: dropped
	}},
}

func richAlert() storage.AlertContent {
	a := sampleAlert()
	a.Article.Summary = "Mexico's president rejected talk of U.S. strikes on cartels on Tuesday. Mr. Trump had said the U.S. military could act alone. Officials in Washington declined to comment."
	a.Article.Language = "en"
	a.Article.Statements[0].Sentence = "“Cooperation yes, subordination no,” Sheinbaum said of the U.S. proposal."
	a.Reason = `{"terms":["sovereign*","cartels"],"statements":[0]}`
	return a
}

func TestRenderSlackGolden(t *testing.T) {
	mx, _ := time.LoadLocation("America/Mexico_City")
	for _, tt := range renderCases {
		t.Run(tt.name, func(t *testing.T) {
			msg := RenderSlack(BuildView(tt.alert(), mx, tt.mentions))
			checkSlackLimits(t, msg)
			golden(t, "slack_"+tt.name, indentJSON(t, struct {
				Text   string        `json:"text"`
				Blocks []slack.Block `json:"blocks"`
			}{msg.Text, msg.Blocks}))
		})
	}
}

func TestRenderDiscordGolden(t *testing.T) {
	mx, _ := time.LoadLocation("America/Mexico_City")
	for _, tt := range renderCases {
		t.Run(tt.name, func(t *testing.T) {
			msg := RenderDiscord(BuildView(tt.alert(), mx, tt.mentions))
			checkDiscordLimits(t, msg)
			golden(t, "discord_"+tt.name, indentJSON(t, msg))
		})
	}
}

// indentJSON encodes v for a golden file, without HTML escaping so that
// the escaping under test is what the file shows.
func indentJSON(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func checkSlackLimits(t *testing.T, msg SlackMessage) {
	t.Helper()
	if len(msg.Blocks) > slackBlockLimit {
		t.Errorf("%d blocks", len(msg.Blocks))
	}
	for i, b := range msg.Blocks {
		var texts []*slack.TextBlockObject
		switch b := b.(type) {
		case *slack.SectionBlock:
			texts = append(texts, b.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if tb, ok := e.(*slack.TextBlockObject); ok {
					texts = append(texts, tb)
				}
			}
		}
		for _, tb := range texts {
			if n := textLen(tb.Text); n > slackTextLimit {
				t.Errorf("block %d: text of %d characters", i, n)
			}
		}
	}
}

func checkDiscordLimits(t *testing.T, msg DiscordMessage) {
	t.Helper()
	e := msg.Embed
	switch {
	case textLen(e.Title) > discordTitleLimit:
		t.Errorf("title %d", textLen(e.Title))
	case textLen(e.Description) > discordDescriptionLimit:
		t.Errorf("description %d", textLen(e.Description))
	case len(e.Fields) > discordFieldLimit:
		t.Errorf("%d fields", len(e.Fields))
	case embedLen(e) > discordTotalLimit:
		t.Errorf("embed total %d", embedLen(e))
	}
	for _, f := range e.Fields {
		if textLen(f.Name) > discordFieldNameLimit || textLen(f.Value) > discordFieldValueLimit || f.Value == "" || f.Name == "" {
			t.Errorf("field %q: name %d value %d", f.Name, textLen(f.Name), textLen(f.Value))
		}
	}
	if msg.AllowedMentions == nil || msg.AllowedMentions.Parse == nil || len(msg.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed mentions must parse nothing: %+v", msg.AllowedMentions)
	}
}

// TestRenderInjection checks the properties the golden files only show:
// no source text produces a mention, a special link or a masked link.
func TestRenderInjection(t *testing.T) {
	for _, tt := range renderCases {
		if !strings.HasPrefix(tt.name, "hostile") {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			v := BuildView(tt.alert(), time.UTC, nil)
			s := RenderSlack(v)
			all := indentJSON(t, s.Blocks) + s.Text
			for _, bad := range []string{"<!channel>", "<!here>", "<@U123>", "<@U777>", "<!subteam", "<http://evil", "<javascript", "|bank.com>", "<!everyone>"} {
				if strings.Contains(all, bad) {
					t.Errorf("slack output contains %q", bad)
				}
			}
			// The only "<" Slack sees is the one that opens our own link.
			if n := strings.Count(all, "<"); n > 1 {
				t.Errorf("slack output has %d '<': %s", n, all)
			}

			d := RenderDiscord(v)
			if d.Content != "" {
				t.Errorf("discord content without configured mentions: %q", d.Content)
			}
			e := d.Embed
			text := e.Title + e.Description
			for _, f := range e.Fields {
				text += f.Name + f.Value
			}
			for _, bad := range []string{"](javascript", "](https://evil", "[click]", "<@U123>", "<@&42>", "**bold**"} {
				if strings.Contains(text, bad) {
					t.Errorf("discord output contains %q", bad)
				}
			}
			if unescapedAt.MatchString(text) {
				t.Errorf("discord output has an unescaped @: %s", text)
			}
			if e.URL != "" && !SafeURL(e.URL) {
				t.Errorf("discord embed url %q", e.URL)
			}
		})
	}
}

var unescapedAt = regexp.MustCompile(`(^|[^\\])@(everyone|here)`)

func TestRenderMentionsOnlyConfigured(t *testing.T) {
	var mentions []Mention
	for _, c := range renderCases {
		if c.name == "mention" {
			mentions = c.mentions
		}
	}
	v := BuildView(richAlert(), time.UTC, mentions)
	s := RenderSlack(v)
	if !strings.HasPrefix(s.Text, "<!subteam^S0ONCALL> <@U0ANALYST> ") {
		t.Errorf("slack fallback: %q", s.Text)
	}
	if strings.Contains(s.Text, "U0NOTME") || strings.Contains(s.Text, "<!channel>") {
		t.Errorf("slack mentions not configured for this alert: %q", s.Text)
	}
	d := RenderDiscord(v)
	if d.Content != "<@&111222333444555666> <@777888999000111222>" {
		t.Errorf("discord content %q", d.Content)
	}
	am := d.AllowedMentions
	if len(am.Parse) != 0 || fmt.Sprint(am.Roles) != "[111222333444555666]" || fmt.Sprint(am.Users) != "[777888999000111222]" {
		t.Errorf("allowed mentions %+v", am)
	}
	b, _ := json.Marshal(am)
	if !strings.Contains(string(b), `"parse":[]`) {
		t.Errorf("allowed mentions JSON %s", b)
	}
}

func TestDominantColour(t *testing.T) {
	tests := []struct {
		name  string
		types []news.StatementType
		want  int
	}{
		{"none", nil, ColorNone},
		{"threat", []news.StatementType{news.InterventionThreat}, ColorThreat},
		{"rejection", []news.StatementType{news.InterventionRejection}, ColorRejection},
		{"assertion", []news.StatementType{news.SovereigntyAssertion}, ColorAssertion},
		{"offer", []news.StatementType{news.AssistanceOffer}, ColorOffer},
		{"majority", []news.StatementType{news.AssistanceOffer, news.AssistanceOffer, news.InterventionThreat}, ColorOffer},
		{"tie goes to severity", []news.StatementType{news.AssistanceOffer, news.InterventionThreat}, ColorThreat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := richAlert()
			a.Reason = "{}"
			a.Article.Statements = nil
			for _, ty := range tt.types {
				a.Article.Statements = append(a.Article.Statements, news.Statement{Type: ty, Confidence: 0.8})
			}
			if got := RenderDiscord(BuildView(a, time.UTC, nil)).Embed.Color; got != tt.want {
				t.Errorf("colour %06x, want %06x", got, tt.want)
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://news.example/a":     true,
		"HTTP://news.example/":       true,
		"javascript:alert(1)":        false,
		"data:text/html,hi":          false,
		"/relative/path":             false,
		"ftp://x.example/":           false,
		"https://user:pw@x.example/": false,
		"":                           false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v", u, got)
		}
	}
}

func TestClipNeverSplitsEscapes(t *testing.T) {
	raw := strings.Repeat("a&<b> ", 100)
	for limit := 1; limit < 80; limit++ {
		s := clip(raw, limit, slackEscape)
		if textLen(s) > limit {
			t.Fatalf("limit %d: %d", limit, textLen(s))
		}
		body := strings.TrimSuffix(s, "…")
		for _, ent := range []string{"&amp;", "&lt;", "&gt;"} {
			body = strings.ReplaceAll(body, ent, "")
		}
		if strings.ContainsAny(body, "&<>") {
			t.Fatalf("limit %d: broken entity in %q", limit, s)
		}
		d := strings.TrimSuffix(clip(raw, limit, discordEscape), "…")
		if strings.HasSuffix(d, `\`) && !strings.HasSuffix(d, `\\`) {
			t.Fatalf("limit %d: dangling backslash in %q", limit, d)
		}
	}
}
