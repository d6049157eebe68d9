package bot

import (
	"strings"
	"testing"
	"time"

	"sovwatch/delivery"
	"sovwatch/digest"
	"sovwatch/news"
)

func sampleDigest() *digest.Digest {
	from := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	st := news.Statement{Type: news.InterventionThreat, Speaker: "Donald Trump", Actor: "US", Targets: []string{"GL"}, Quote: "we need Greenland <!channel> @everyone", Confidence: 0.9}
	d := digest.Compose("greenland-weekday-digest", from, from.Add(24*time.Hour), []digest.Item{
		{StoryID: 1, Title: "Trump repeats Greenland claim <@U123>", URL: "https://news.example/gl/1", Source: "wire", Published: from.Add(time.Hour), Statements: []news.Statement{st}, Outlets: []string{"wire", "other"}},
	})
	return &d
}

func TestPlainMessagesGolden(t *testing.T) {
	tests := []struct {
		name string
		m    delivery.Message
	}{
		{"notice", delivery.Message{Notice: "slack:C1 refuses messages: not_in_channel <!here> [x](javascript:alert(1))"}},
		{"digest", delivery.Message{Digest: sampleDigest()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body, ok := plainContent(tt.m)
			if !ok {
				t.Fatal("not a plain message")
			}
			sl := RenderSlackPlain(title, body)
			checkSlackLimits(t, sl)
			golden(t, "plain_slack_"+tt.name, indentJSON(t, sl))
			dc := RenderDiscordPlain(title, body)
			checkDiscordLimits(t, dc)
			golden(t, "plain_discord_"+tt.name, indentJSON(t, dc))
			for _, out := range []string{indentJSON(t, sl)} {
				if strings.Contains(out, "<!here>") || strings.Contains(out, "<!channel>") || strings.Contains(out, "<@U123>") {
					t.Errorf("Slack control sequence survived: %s", out)
				}
			}
			if dc.AllowedMentions == nil || len(dc.AllowedMentions.Parse) != 0 {
				t.Errorf("Discord plain message may ping: %+v", dc.AllowedMentions)
			}
		})
	}
}

func TestPlainMessageSplitsLongText(t *testing.T) {
	body := strings.Repeat(strings.Repeat("x", 900)+"\n", 300)
	sl := RenderSlackPlain("t", body)
	checkSlackLimits(t, sl)
	if len(sl.Blocks) != 50 {
		t.Fatalf("%d blocks, want the 50 Slack allows", len(sl.Blocks))
	}
	dc := RenderDiscordPlain("t", body)
	checkDiscordLimits(t, dc)
}
