package bot

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"sovwatch/config"
	"sovwatch/news"
	"sovwatch/storage"
)

// View is what every renderer draws: one alert, reduced to the parts a
// reader needs. Text in it comes from sources and is untrusted: it has had
// control characters removed (Clean) but is not escaped for any platform;
// each renderer escapes for its own syntax.
type View struct {
	Watchlist string
	Headline  string
	// URL is the article's link when it is http or https; empty otherwise,
	// and then RawURL holds what the source gave, to show as text only.
	URL       string
	RawURL    string
	Source    string
	Official  bool      // the source speaks for a government
	Published time.Time // in the reader's zone; zero when unknown
	Summary   []string  // two or three sentences
	// Statements are in article order, matched ones (those the watchlist
	// fired on) flagged.
	Statements []StatementView
	Terms      []string // query terms that matched
	Cues       []string // detection cues of the matched statements
	// AlsoReportedBy are the other sources that carried the story, in the
	// order they saw it.
	AlsoReportedBy []string
	// Mentions are the operator-configured people and groups to notify.
	// They are the only mentions a renderer ever produces.
	Mentions []Mention
}

// StatementView is one statement as shown.
type StatementView struct {
	Type       news.StatementType
	Badge      string // THREAT, REJECTION, SOVEREIGNTY, OFFER
	Speaker    string // "unattributed" when unknown
	Actor      string
	Targets    []string
	Quote      string
	Confidence float64
	Matched    bool
}

// MentionKind is what a configured mention points at.
type MentionKind string

// Kinds of mention. Slack has users and user groups; Discord has users and
// roles.
const (
	SlackUser      MentionKind = "slack_user"
	SlackUserGroup MentionKind = "slack_usergroup"
	DiscordUser    MentionKind = "discord_user"
	DiscordRole    MentionKind = "discord_role"
)

// Mention is someone an operator asked to be notified, optionally only for
// some statement types and above a confidence.
type Mention struct {
	Kind MentionKind
	ID   string
	// Types limits the mention to alerts carrying a statement of one of
	// these types; empty means any alert.
	Types []news.StatementType
	// MinConfidence is the confidence a statement of those types must reach.
	MinConfidence float64
}

// MentionsOf turns the deliverer's chosen mentions (slack:U…, slack:S…,
// discord:role:…, discord:user:…) into mentions to render; anything else
// is dropped.
func MentionsOf(to []string) []Mention {
	var out []Mention
	for _, t := range to {
		target, err := config.ParseMention(t)
		if err != nil {
			continue
		}
		kind := map[string]MentionKind{
			"slack/user": SlackUser, "slack/usergroup": SlackUserGroup,
			"discord/user": DiscordUser, "discord/role": DiscordRole,
		}[target.Platform+"/"+target.Kind]
		out = append(out, Mention{Kind: kind, ID: target.ID})
	}
	return out
}

// Applies reports whether the mention should fire for these statements.
func (m Mention) Applies(sts []news.Statement) bool {
	if len(m.Types) == 0 && m.MinConfidence == 0 {
		return true
	}
	for _, st := range sts {
		if (len(m.Types) == 0 || slices.Contains(m.Types, st.Type)) && st.Confidence >= m.MinConfidence {
			return true
		}
	}
	return false
}

// valid reports whether the ID has the platform's shape, so a mistyped or
// hostile configuration cannot smuggle syntax into a message.
func (m Mention) valid() bool {
	switch m.Kind {
	case SlackUser:
		return len(m.ID) > 1 && strings.ContainsRune("UW", rune(m.ID[0])) && upperAlnum(m.ID)
	case SlackUserGroup:
		return len(m.ID) > 1 && m.ID[0] == 'S' && upperAlnum(m.ID)
	case DiscordUser, DiscordRole:
		return len(m.ID) > 0 && len(m.ID) <= 20 && strings.Trim(m.ID, "0123456789") == ""
	}
	return false
}

func upperAlnum(s string) bool {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// reason is the JSON an alert records about why it fired.
type reason struct {
	Terms      []string `json:"terms"`
	Statements []int    `json:"statements"`
}

// SummarySentences is how many sentences a view's summary holds.
const SummarySentences = 3

// BuildView makes the view of an alert, showing times in loc and keeping
// the mentions that apply to its statements.
func BuildView(a storage.AlertContent, loc *time.Location, mentions []Mention) View {
	art := a.Article
	if loc == nil {
		loc = time.UTC
	}
	v := View{
		Watchlist: Clean(a.Watchlist.Name),
		Headline:  Clean(art.Title),
		Source:    Clean(art.Source),
		Official:  art.SourceKind == news.KindOfficial,
	}
	if v.Headline == "" {
		v.Headline = "(untitled)"
	}
	if u := Clean(art.URL); SafeURL(u) {
		v.URL = u
	} else {
		v.RawURL = u
	}
	if !art.Published.IsZero() {
		v.Published = art.Published.In(loc)
	}
	v.Summary = Summary(art.Article, art.Statements, SummarySentences)

	var r reason
	_ = json.Unmarshal([]byte(a.Reason), &r) // a bad reason only loses the explanation
	matched := map[int]bool{}
	for _, i := range r.Statements {
		matched[i] = true
	}
	for _, t := range r.Terms {
		if t = Clean(t); t != "" && !slices.Contains(v.Terms, t) {
			v.Terms = append(v.Terms, t)
		}
	}
	for i, st := range art.Statements {
		sv := StatementView{
			Type:       st.Type,
			Badge:      typeLabels[st.Type],
			Speaker:    Clean(st.Speaker),
			Actor:      Clean(st.Actor),
			Confidence: st.Confidence,
			Matched:    matched[i] || len(r.Statements) == 0,
		}
		if sv.Badge == "" {
			sv.Badge = strings.ToUpper(Clean(string(st.Type)))
		}
		if sv.Speaker == "" {
			sv.Speaker = "unattributed"
		}
		for _, t := range st.Targets {
			if t = Clean(t); t != "" {
				sv.Targets = append(sv.Targets, t)
			}
		}
		sv.Quote = Clean(st.Quote)
		if sv.Quote == "" {
			sv.Quote = Clean(st.Sentence)
		}
		v.Statements = append(v.Statements, sv)
		if sv.Matched {
			for _, c := range st.Cues {
				if c = Clean(c); c != "" && !slices.Contains(v.Cues, c) {
					v.Cues = append(v.Cues, c)
				}
			}
		}
	}
	for _, s := range otherSources(a.SeenIn, art.Source) {
		if s = Clean(s); s != "" && !slices.Contains(v.AlsoReportedBy, s) {
			v.AlsoReportedBy = append(v.AlsoReportedBy, s)
		}
	}
	for _, m := range mentions {
		if m.valid() && m.Applies(art.Statements) && !slices.ContainsFunc(v.Mentions, func(o Mention) bool { return o.Kind == m.Kind && o.ID == m.ID }) {
			v.Mentions = append(v.Mentions, m)
		}
	}
	return v
}

// SafeURL reports whether u may be shown as a link: an absolute http or
// https URL with a host. Anything else (javascript:, data:, relative
// paths) is shown as text, never linked.
func SafeURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.User != nil {
		return false
	}
	s := strings.ToLower(p.Scheme)
	return s == "http" || s == "https"
}

// Dominant is the statement type that sets an alert's colour: the type
// with the most total confidence among the matched statements (all of
// them when none is flagged), ties going to the more severe type. It is
// empty when there are no statements.
func (v View) Dominant() news.StatementType {
	weight := map[news.StatementType]float64{}
	for _, st := range v.Statements {
		if st.Matched {
			weight[st.Type] += max(st.Confidence, 0.01)
		}
	}
	var best news.StatementType
	for _, t := range severity {
		if w := weight[t]; w > 0 && (best == "" || w > weight[best]) {
			best = t
		}
	}
	return best
}

// severity orders the types from most to least alarming, breaking ties.
var severity = []news.StatementType{news.InterventionThreat, news.InterventionRejection, news.SovereigntyAssertion, news.AssistanceOffer}

// countries renders "MX → US, CA", "MX" or "".
func (s StatementView) countries() string {
	c := s.Actor
	if len(s.Targets) > 0 {
		if c == "" {
			c = "?"
		}
		c += " → " + strings.Join(s.Targets, ", ")
	}
	return c
}

// when formats the published time for a reader, or "" when unknown.
func (v View) when() string {
	if v.Published.IsZero() {
		return ""
	}
	return v.Published.Format("2006-01-02 15:04 MST")
}

// LocationFor is the time zone an alert's times are shown in: its
// watchlist's, which is the desk's, else fallback.
func LocationFor(w storage.Watchlist, fallback *time.Location) *time.Location {
	if w.Timezone != "" {
		if loc, err := time.LoadLocation(w.Timezone); err == nil {
			return loc
		}
	}
	return fallback
}

// typeLabels are the short badges shown for each statement type.
var typeLabels = map[news.StatementType]string{
	news.SovereigntyAssertion:  "SOVEREIGNTY",
	news.InterventionRejection: "REJECTION",
	news.InterventionThreat:    "THREAT",
	news.AssistanceOffer:       "OFFER",
}

// otherSources is seen without first: the outlets besides the article's own.
func otherSources(seen []string, first string) []string {
	var out []string
	for _, s := range seen {
		if s != first {
			out = append(out, s)
		}
	}
	return out
}
