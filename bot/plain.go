package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/slack-go/slack"

	"sovwatch/delivery"
	"sovwatch/digest"
)

// plainContent is the title and text of a message that is not an alert:
// an operational notice, or a digest rendered as text.
func plainContent(m delivery.Message) (title, body string, ok bool) {
	switch {
	case m.Notice != "":
		return "sovwatch notice", m.Notice, true
	case m.Digest != nil:
		return "Digest: " + m.Digest.Watchlist + " — " + m.Digest.Summary(), digest.Text(*m.Digest, LocationFor(m.Alert.Watchlist, nil)), true
	}
	return "", "", false
}

// RenderSlackPlain renders a title and plain text as Slack sections, the
// text escaped and split on lines to fit the section and block limits.
func RenderSlackPlain(title, body string) SlackMessage {
	blocks := []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*"+clip(title, slackTextLimit-2, slackEscape)+"*", false, false), nil, nil)}
	var chunk strings.Builder
	flush := func() {
		if chunk.Len() > 0 && len(blocks) < slackBlockLimit {
			blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, chunk.String(), false, false), nil, nil))
		}
		chunk.Reset()
	}
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		esc := clip(line, slackTextLimit, slackEscape)
		if textLen(chunk.String())+textLen(esc)+1 > slackTextLimit {
			flush()
		}
		if chunk.Len() > 0 {
			chunk.WriteByte('\n')
		}
		chunk.WriteString(esc)
	}
	flush()
	return SlackMessage{Blocks: blocks, Text: clip(title, slackTextLimit, slackEscape)}
}

// RenderDiscordPlain renders a title and plain text as one grey embed,
// escaped and clipped to Discord's limits, mentioning nobody.
func RenderDiscordPlain(title, body string) DiscordMessage {
	return DiscordMessage{
		Embed: &discordgo.MessageEmbed{
			Title:       clip(title, discordTitleLimit, plain),
			Description: clip(body, discordDescriptionLimit, discordEscape),
			Color:       ColorNone,
		},
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
}
