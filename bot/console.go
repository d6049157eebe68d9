// Package bot is sovwatch's face in chat: the Slack, Discord and console
// notifiers, the rendering of alerts for each, and the slash commands.
package bot

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"sovwatch/delivery"
	"sovwatch/digest"
	"sovwatch/news"
	"sovwatch/storage"
)

// Console prints alerts as text, for running without a chat platform.
type Console struct {
	mu  sync.Mutex
	w   io.Writer
	loc *time.Location
}

// NewConsole returns a notifier that writes to w, showing times in loc.
func NewConsole(w io.Writer, loc *time.Location) *Console {
	return &Console{w: w, loc: loc}
}

// Send writes the alert or notice. Its ID is the delivery's, which is what
// identifies a printed message. A write error is retried: stdout may be a
// pipe whose reader comes back.
func (c *Console) Send(_ context.Context, m delivery.Message) (string, bool, error) {
	text := RenderText(m.Alert, LocationFor(m.Alert.Watchlist, c.loc))
	switch {
	case m.Notice != "":
		text = "── sovwatch notice ── " + Clean(m.Notice) + "\n"
	case m.Digest != nil:
		text = digest.Text(*m.Digest, LocationFor(m.Alert.Watchlist, c.loc))
	}
	return fmt.Sprintf("console-%d", m.DeliveryID), true, c.write(text)
}

// Update cannot edit what was printed, so it prints the story's new
// outlet count under the alert's headline.
func (c *Console) Update(_ context.Context, m delivery.Message) (bool, error) {
	return true, c.write(RenderUpdateText(m.Alert))
}

// Reply prints a later article's new statements, marked as part of the
// story already alerted.
func (c *Console) Reply(_ context.Context, m delivery.Message) (string, bool, error) {
	text := "   ↳ in the story above, " + strings.TrimPrefix(RenderText(m.Alert, LocationFor(m.Alert.Watchlist, c.loc)), "── ")
	return fmt.Sprintf("console-%d", m.DeliveryID), true, c.write(text)
}

func (c *Console) write(text string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := io.WriteString(c.w, text); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// RenderUpdateText renders the one line that says a story spread.
func RenderUpdateText(a storage.AlertContent) string {
	others := otherSources(a.SeenIn, a.Article.Source)
	return fmt.Sprintf("── update ── %s: now reported by %d outlets (%s)\n", Clean(a.Article.Title), len(others)+1,
		Clean(strings.Join(a.SeenIn, ", ")))
}

// typeLabels are the short badges shown for each statement type.
var typeLabels = map[news.StatementType]string{
	news.SovereigntyAssertion:  "SOVEREIGNTY",
	news.InterventionRejection: "REJECTION",
	news.InterventionThreat:    "THREAT",
	news.AssistanceOffer:       "OFFER",
}

// RenderText renders an alert as plain text: the headline, where and when,
// each statement as a quote with its speaker and countries, why it matched
// and the link. Control characters from the source are removed.
func RenderText(a storage.AlertContent, loc *time.Location) string {
	var b strings.Builder
	art := a.Article
	fmt.Fprintf(&b, "── %s ── %s\n", Clean(a.Watchlist.Name), Clean(art.Title))
	when := ""
	if !art.Published.IsZero() {
		when = " · " + art.Published.In(loc).Format("2006-01-02 15:04 MST")
	}
	kind := ""
	if art.SourceKind == news.KindOfficial {
		kind = " (official)"
	}
	fmt.Fprintf(&b, "   %s%s%s\n", Clean(art.Source), kind, when)
	for _, st := range art.Statements {
		who := Clean(st.Speaker)
		if who == "" {
			who = "unattributed"
		}
		countries := st.Actor
		if len(st.Targets) > 0 {
			countries += " → " + strings.Join(st.Targets, ",")
		}
		if countries != "" {
			who += " (" + countries + ")"
		}
		quote := Clean(st.Quote)
		if quote == "" {
			quote = Clean(st.Sentence)
		}
		fmt.Fprintf(&b, "   [%s] %s: “%s”\n", typeLabels[st.Type], who, truncate(quote, 400))
		if len(st.Cues) > 0 {
			fmt.Fprintf(&b, "      why: %s · confidence %.2f\n", Clean(strings.Join(st.Cues, ", ")), st.Confidence)
		}
	}
	fmt.Fprintf(&b, "   %s\n", Clean(art.URL))
	if others := otherSources(a.SeenIn, art.Source); len(others) > 0 {
		fmt.Fprintf(&b, "   also reported by %d: %s\n", len(others), Clean(strings.Join(others, ", ")))
	}
	return b.String()
}

func otherSources(seen []string, first string) []string {
	var out []string
	for _, s := range seen {
		if s != first {
			out = append(out, s)
		}
	}
	return out
}

// Clean removes control characters (terminal escapes included) and folds
// runs of white space, so text from a feed cannot rewrite the terminal.
func Clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029'
	}), " ")
}

// truncate cuts s to at most n runes at a word boundary, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// The chat notifiers edit posted alerts and reply in their threads.
var (
	_ delivery.Updater = (*Console)(nil)
	_ delivery.Replier = (*Console)(nil)
	_ delivery.Updater = (*Slack)(nil)
	_ delivery.Replier = (*Slack)(nil)
	_ delivery.Updater = (*Discord)(nil)
	_ delivery.Replier = (*Discord)(nil)
)
