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
	v := BuildView(a, time.UTC, nil)
	return fmt.Sprintf("── update ── %s: now reported by %d outlets (%s)\n", v.Headline, len(v.AlsoReportedBy)+1,
		truncate(Clean(strings.Join(a.SeenIn, ", ")), 400))
}

// RenderText renders an alert for the console from the same view as the
// chat renderers: the headline, where and when, a short summary, each
// statement as a quote with its speaker and countries, why it matched, the
// link and the other outlets. The view has already removed control
// characters, so source text cannot rewrite the terminal.
func RenderText(a storage.AlertContent, loc *time.Location) string {
	v := BuildView(a, loc, nil)
	var b strings.Builder
	fmt.Fprintf(&b, "── %s ── %s\n", v.Watchlist, v.Headline)
	line := v.Source
	if v.Official {
		line += " (official)"
	}
	if !v.Published.IsZero() {
		line += " · " + v.Published.Format("2006-01-02 15:04 MST")
	}
	fmt.Fprintf(&b, "   %s\n", line)
	for _, sentence := range v.Summary {
		fmt.Fprintf(&b, "   │ %s\n", truncate(sentence, 400))
	}
	for _, st := range v.Statements {
		who := st.Speaker
		countries := st.Actor
		if len(st.Targets) > 0 {
			countries += " → " + strings.Join(st.Targets, ",")
		}
		if countries != "" {
			who += " (" + countries + ")"
		}
		fmt.Fprintf(&b, "   [%s] %s: “%s” · %.2f\n", st.Badge, who, truncate(st.Quote, 400), st.Confidence)
	}
	if why := append(append([]string(nil), v.Terms...), v.Cues...); len(why) > 0 {
		fmt.Fprintf(&b, "   why: %s\n", strings.Join(why, ", "))
	}
	link := v.URL
	if link == "" {
		link = v.RawURL + " (not a web link)"
	}
	fmt.Fprintf(&b, "   %s\n", link)
	if n := len(v.AlsoReportedBy); n > 0 {
		fmt.Fprintf(&b, "   also reported by %d: %s\n", n, truncate(strings.Join(v.AlsoReportedBy, ", "), 400))
	}
	return b.String()
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
