package bot

import (
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"sovwatch/news"
)

// Slack's Block Kit limits.
const (
	slackTextLimit   = 3000 // characters in a section or context text object
	slackBlockLimit  = 50   // blocks in a message
	slackQuoteLimit  = 700  // our own cap on one quote, so one speech cannot bury the rest
	slackListLimit   = 1000 // our own cap on the "also reported by" list
	slackFallbackCap = 3000 // the plain-text fallback; Slack truncates long ones anyway
)

// SlackMessage is an alert rendered for Slack: Block Kit blocks and the
// plain-text fallback Slack shows in notifications and old clients.
type SlackMessage struct {
	Blocks []slack.Block
	Text   string
}

// slackEscape escapes the three characters Slack's mrkdwn treats as
// control characters. Escaping them is what stops source text from
// producing <!channel>, <!here>, <@U…>, <!subteam^…> or a disguised
// <http://evil|bank.com> link: without "<" there is no special syntax.
func slackEscape(r rune, b *strings.Builder) {
	switch r {
	case '&':
		b.WriteString("&amp;")
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	default:
		b.WriteRune(r)
	}
}

// slackEsc escapes a whole string for mrkdwn.
func slackEsc(s string) string { return clip(s, len(s)*5+1, slackEscape) }

// slackURL makes a safe URL usable inside <url|text>: the characters that
// would end or split the link are percent-encoded.
func slackURL(u string) string {
	return strings.NewReplacer("|", "%7C", "<", "%3C", ">", "%3E", " ", "%20", "&", "&amp;").Replace(u)
}

var slackEmoji = map[news.StatementType]string{
	news.InterventionThreat:    ":rotating_light:",
	news.InterventionRejection: ":no_entry_sign:",
	news.SovereigntyAssertion:  ":classical_building:",
	news.AssistanceOffer:       ":handshake:",
}

// slackMentions renders the configured Slack mentions, as many as fit in
// one text object: a mention cannot be cut in half.
func slackMentions(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		var p string
		switch m.Kind {
		case SlackUser:
			p = "<@" + m.ID + ">"
		case SlackUserGroup:
			p = "<!subteam^" + m.ID + ">"
		default:
			continue
		}
		if b.Len()+len(p)+1 > slackTextLimit/2 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

// RenderSlack renders a view as Block Kit. Every piece of source text is
// escaped; the only mentions produced are the view's configured ones.
// Limits are kept by dropping whole statements first (saying how many),
// then clipping text with an ellipsis.
func RenderSlack(v View) SlackMessage {
	var blocks []slack.Block
	mentions := slackMentions(v.Mentions)
	if mentions != "" {
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(mentions), nil, nil))
	}

	var head string
	if v.URL != "" {
		u := slackURL(v.URL)
		head = "*<" + u + "|" + clip(v.Headline, slackTextLimit-len(u)-6, slackEscape) + ">*"
		if textLen(head) > slackTextLimit { // an absurd URL: show the headline alone
			head = "*" + clip(v.Headline, slackTextLimit-2, slackEscape) + "*"
		}
	} else {
		head = "*" + clip(v.Headline, slackTextLimit-2, slackEscape) + "*"
	}
	blocks = append(blocks, slack.NewSectionBlock(mrkdwn(head), nil, nil))

	meta := []string{"*" + clip(v.Source, 200, slackEscape) + "*"}
	if v.Official {
		meta = append(meta, ":white_check_mark: official source")
	}
	if w := v.when(); w != "" {
		meta = append(meta, w)
	}
	blocks = append(blocks, slack.NewContextBlock("", mrkdwn(strings.Join(meta, " · "))))

	if len(v.Summary) > 0 {
		s := highlight(strings.Join(v.Summary, " "), v.Terms, slackEscape, "*", "*")
		if textLen(s) > slackTextLimit {
			s = clip(strings.Join(v.Summary, " "), slackTextLimit, slackEscape)
		}
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn(s), nil, nil))
	}
	if v.URL == "" && v.RawURL != "" {
		blocks = append(blocks, slack.NewContextBlock("", mrkdwn("Link (not http/https, so not linked): "+clip(v.RawURL, slackTextLimit-60, slackEscape))))
	}

	// The closing blocks are built first so the statements know the room left.
	var tail []slack.Block
	why := []string{"Watchlist *" + clip(v.Watchlist, 200, slackEscape) + "*"}
	if len(v.Terms) > 0 {
		why = append(why, "terms "+slackList(v.Terms, "*"))
	}
	if len(v.Cues) > 0 {
		why = append(why, "cues "+slackList(v.Cues, "_"))
	}
	tail = append(tail, slack.NewContextBlock("", mrkdwn(clipMarked(strings.Join(why, " · "), slackTextLimit))))
	if n := len(v.AlsoReportedBy); n > 0 {
		list := clip(strings.Join(v.AlsoReportedBy, ", "), slackListLimit, slackEscape)
		tail = append(tail, slack.NewContextBlock("", mrkdwn(fmt.Sprintf("Also reported by %d: %s", n, list))))
	}

	if len(v.Statements) > 0 {
		blocks = append(blocks, slack.NewDividerBlock())
		room := slackBlockLimit - len(blocks) - len(tail)
		shown := v.Statements
		if len(shown) > room {
			shown = shown[:room-1] // keep one block for the note
		}
		for _, st := range shown {
			blocks = append(blocks, slack.NewSectionBlock(mrkdwn(slackStatement(st)), nil, nil))
		}
		if n := len(v.Statements) - len(shown); n > 0 {
			blocks = append(blocks, slack.NewContextBlock("", mrkdwn(fmt.Sprintf("…and %d more statements", n))))
		}
	}
	blocks = append(blocks, tail...)

	text := "[" + v.Watchlist + "] " + v.Headline + " — " + v.Source
	if v.Official {
		text += " (official)"
	}
	fallback := clip(text, slackFallbackCap-len(mentions)-1, slackEscape)
	if mentions != "" {
		fallback = mentions + " " + fallback
	}
	return SlackMessage{Blocks: blocks, Text: fallback}
}

// slackStatement renders one statement: badge, speaker, countries,
// confidence, then the quote as a block quote.
func slackStatement(st StatementView) string {
	head := fmt.Sprintf("%s *%s* · *%s*", slackEmoji[st.Type], st.Badge, clip(st.Speaker, 200, slackEscape))
	if c := st.countries(); c != "" {
		head += " · " + clip(c, 200, slackEscape)
	}
	head += fmt.Sprintf(" · %.0f%%", st.Confidence*100)
	if st.Quote == "" {
		return strings.TrimSpace(head)
	}
	return strings.TrimSpace(head) + "\n>“" + clip(st.Quote, slackQuoteLimit, slackEscape) + "”"
}

// slackList escapes and marks up each item ("*a*, *b*").
func slackList(items []string, mark string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = mark + clip(displayTerm(s), 100, slackEscape) + mark
	}
	return strings.Join(parts, ", ")
}

// clipMarked cuts already-escaped mrkdwn at a comma boundary, so markup
// pairs and entities stay whole.
func clipMarked(s string, limit int) string {
	for textLen(s) > limit {
		i := strings.LastIndex(s, ", ")
		if i < 0 {
			return clip(s, limit, plain) // cannot happen with our short items
		}
		s = s[:i] + " …"
	}
	return s
}
