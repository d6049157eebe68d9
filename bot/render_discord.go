package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"sovwatch/news"
)

// Discord's embed limits.
const (
	discordTitleLimit       = 256
	discordDescriptionLimit = 4096
	discordFieldNameLimit   = 256
	discordFieldValueLimit  = 1024
	discordFieldLimit       = 25
	discordFooterLimit      = 2048
	discordAuthorLimit      = 256
	discordTotalLimit       = 6000
	discordListLimit        = 1000 // our own cap on the "also reported by" list
	discordMentionLimit     = 60   // 60 mentions of ≤ 24 characters stay under the 2,000 of content
)

// Embed colours by dominant statement type.
const (
	ColorThreat    = 0xD93025 // red
	ColorRejection = 0xF29900 // orange
	ColorAssertion = 0x1A73E8 // blue
	ColorOffer     = 0x188038 // green
	ColorNone      = 0x80868B // grey: no statements
)

var discordColors = map[news.StatementType]int{
	news.InterventionThreat:    ColorThreat,
	news.InterventionRejection: ColorRejection,
	news.SovereigntyAssertion:  ColorAssertion,
	news.AssistanceOffer:       ColorOffer,
}

// DiscordMessage is an alert rendered for Discord: one embed, the content
// line that carries configured mentions, and the allowed mentions that
// let exactly those ping.
type DiscordMessage struct {
	Content         string                            `json:"content"`
	Embed           *discordgo.MessageEmbed           `json:"embed"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

// discordLineStart escapes a list marker ("- ", "+ ", "1. ") at the start
// of text that begins a line; elsewhere such characters mean nothing, so
// discordEscape leaves them alone and hyphenated names stay readable.
func discordLineStart(s string) string {
	t := strings.TrimLeft(s, "0123456789")
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || (len(t) < len(s) && strings.HasPrefix(t, ".")) {
		return "\\" + s
	}
	return s
}

// discordEscape puts a backslash before every character Discord's
// markdown gives meaning to. It defuses masked links ([text](url)),
// formatting, headings, lists, block quotes and <@…>/<#…>/<t:…> syntax;
// Discord drops the backslash when it shows the text.
func discordEscape(r rune, b *strings.Builder) {
	if strings.ContainsRune("\\*_~`|[]()<>#@", r) {
		b.WriteByte('\\')
	}
	b.WriteRune(r)
}

// RenderDiscord renders a view as one embed. Source text is escaped; the
// message is meant to be sent with the returned AllowedMentions, which
// parse nothing and allow only the configured roles and users. Limits are
// kept by dropping whole statements first (saying how many), then
// clipping text with an ellipsis.
func RenderDiscord(v View) DiscordMessage {
	e := &discordgo.MessageEmbed{
		Title: clip(v.Headline, discordTitleLimit-1, discordEscape),
		URL:   v.URL,
		Color: ColorNone,
	}
	e.Title = discordLineStart(e.Title)
	if c, ok := discordColors[v.Dominant()]; ok {
		e.Color = c
	}
	author := v.Source
	if v.Official {
		author += " · official source"
	}
	// Author and footer text are not markdown: they are clipped, not escaped.
	e.Author = &discordgo.MessageEmbedAuthor{Name: clip(author, discordAuthorLimit, plain)}
	footer := "Watchlist " + v.Watchlist
	if w := v.when(); w != "" {
		footer += " · published " + w
		e.Timestamp = v.Published.UTC().Format(time.RFC3339)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: clip(footer, discordFooterLimit, plain)}

	// The description: summary, why it matched, an unlinkable link, who
	// else reported it. The summary gives way first when space runs out.
	var tail []string
	why := "**Why:** watchlist **" + clip(v.Watchlist, 200, discordEscape) + "**"
	if len(v.Terms) > 0 {
		why += " · terms " + discordList(v.Terms, "**")
	}
	if len(v.Cues) > 0 {
		why += " · cues " + discordList(v.Cues, "*")
	}
	tail = append(tail, why)
	if v.URL == "" && v.RawURL != "" {
		tail = append(tail, "Link (not http/https, so not linked): "+clip(v.RawURL, 500, discordEscape))
	}
	if n := len(v.AlsoReportedBy); n > 0 {
		tail = append(tail, fmt.Sprintf("**Also reported by %d:** %s", n, clip(strings.Join(v.AlsoReportedBy, ", "), discordListLimit, discordEscape)))
	}
	tailText := strings.Join(tail, "\n")
	if textLen(tailText) > discordDescriptionLimit-200 {
		tailText = clip(tailText, discordDescriptionLimit-200, plain) // only with absurd inputs
	}
	summary := ""
	if len(v.Summary) > 0 {
		summary = highlight(strings.Join(v.Summary, " "), v.Terms, discordEscape, "**", "**")
		room := discordDescriptionLimit - textLen(tailText) - 2
		if textLen(summary) > room {
			summary = clip(strings.Join(v.Summary, " "), room, discordEscape)
		}
	}
	summary = discordLineStart(summary)
	e.Description = strings.TrimSpace(summary + "\n\n" + tailText)

	fields := make([]*discordgo.MessageEmbedField, 0, len(v.Statements))
	for _, st := range v.Statements {
		fields = append(fields, discordStatement(st))
	}
	e.Fields = fields
	// Whole statements go first: drop the last ones until the embed fits,
	// replacing them with a note of how many were left out.
	for dropped := 0; len(e.Fields) > discordFieldLimit || embedLen(e) > discordTotalLimit; {
		if len(fields)-dropped == 0 {
			break
		}
		dropped++
		e.Fields = append(fields[:len(fields)-dropped:len(fields)-dropped],
			&discordgo.MessageEmbedField{Name: "More statements", Value: fmt.Sprintf("…and %d more statements", dropped)})
	}
	if over := embedLen(e) - discordTotalLimit; over > 0 && summary != "" {
		// Only with no fields left to drop: shorten the summary.
		summary = discordLineStart(clip(strings.Join(v.Summary, " "), max(textLen(summary)-over-2, 1), discordEscape))
		e.Description = strings.TrimSpace(summary + "\n\n" + tailText)
	}

	m := DiscordMessage{Embed: e, AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}
	var parts []string
	for _, mn := range v.Mentions {
		// Discord takes at most 100 roles and 100 users, in a content of
		// at most 2,000 characters; mentions past that are left out.
		if len(m.AllowedMentions.Roles)+len(m.AllowedMentions.Users) >= discordMentionLimit {
			break
		}
		switch mn.Kind {
		case DiscordRole:
			parts = append(parts, "<@&"+mn.ID+">")
			m.AllowedMentions.Roles = append(m.AllowedMentions.Roles, mn.ID)
		case DiscordUser:
			parts = append(parts, "<@"+mn.ID+">")
			m.AllowedMentions.Users = append(m.AllowedMentions.Users, mn.ID)
		}
	}
	m.Content = strings.Join(parts, " ")
	return m
}

// discordStatement renders one statement as a field: badge, speaker and
// countries as its name, the quote and confidence as its value.
func discordStatement(st StatementView) *discordgo.MessageEmbedField {
	name := st.Badge + " · " + clip(st.Speaker, 120, discordEscape)
	if c := st.countries(); c != "" {
		name += " (" + clip(c, 100, discordEscape) + ")"
	}
	conf := fmt.Sprintf("confidence %.2f", st.Confidence)
	value := conf
	if st.Quote != "" {
		value = "> “" + clip(st.Quote, discordFieldValueLimit-textLen(conf)-6, discordEscape) + "”\n" + conf
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

// discordList escapes and marks up each item ("**a**, **b**").
func discordList(items []string, mark string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = mark + clip(displayTerm(s), 100, discordEscape) + mark
	}
	s := strings.Join(parts, ", ")
	for textLen(s) > 1500 && len(parts) > 1 {
		parts = parts[:len(parts)-1]
		s = strings.Join(parts, ", ") + ", …"
	}
	return s
}

// embedLen counts an embed as Discord does for its 6,000 total: title,
// description, field names and values, footer text and author name.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	return n
}
