package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"sovwatch/news"
)

// CronParser is the schedule syntax sovwatch accepts everywhere: five
// fields (minute to weekday) or descriptors such as @every 10m and @hourly.
var CronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Validate reports every problem in c at once, joined. Each is a *Problem
// with the key path it concerns.
func (c *Config) Validate() error {
	var ps []error
	add := func(path, hint, format string, args ...any) {
		ps = append(ps, &Problem{Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint})
	}
	if strings.TrimSpace(c.Storage.Path) == "" {
		add("storage.path", "name a file such as sovwatch.db", "is empty")
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		add("log.format", "use text or json", "unknown format %q", c.Log.Format)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		add("log.level", "use debug, info, warn or error", "unknown level %q", c.Log.Level)
	}
	checkHTTPURL(add, "slack.api_url", c.Slack.APIURL)
	checkHTTPURL(add, "discord.api_url", c.Discord.APIURL)
	if c.Discord.Token != "" && c.Discord.ApplicationID == "" {
		add("discord.application_id", "copy it from the Discord developer portal", "is required when discord.token is set")
	}
	for i, g := range c.Discord.GuildIDs {
		if !isDigits(g) {
			add(fmt.Sprintf("discord.guild_ids[%d]", i), "a guild ID is a number such as 123456789012345678", "invalid guild ID %q", g)
		}
	}
	f := c.Fetch
	checkHTTPURL(add, "fetch.gdelt_url", f.GDELTURL)
	if f.ContactURL != "" {
		checkHTTPURL(add, "fetch.contact_url", f.ContactURL)
	}
	for _, p := range []struct {
		path string
		ok   bool
	}{
		{"fetch.timeout", f.Timeout > 0},
		{"fetch.max_body_bytes", f.MaxBodyBytes > 0},
		{"fetch.concurrency", f.Concurrency > 0},
		{"fetch.per_host", f.PerHost > 0},
		{"fetch.fulltext_threshold", f.FulltextThreshold >= 0},
		{"fetch.first_poll_window", f.FirstPollWindow >= 0},
		{"fetch.max_age", f.MaxAge > 0},
		{"fetch.max_items", f.MaxItems > 0},
	} {
		if !p.ok {
			add(p.path, "", "must be positive")
		}
	}
	if f.MaxRedirects < -1 {
		add("fetch.max_redirects", "use -1 to follow no redirects", "must be -1 or more")
	}

	names := map[string]int{}
	for i, s := range c.Sources {
		at := fmt.Sprintf("sources[%d]", i)
		checkUniqueName(add, names, "sources", "source", i, s.Name)
		switch s.Type {
		case SourceRSS, SourceHTML:
			if s.URL == "" {
				add(at+".url", "", "is required for a %s source", s.Type)
			} else {
				checkHTTPURL(add, at+".url", s.URL)
			}
		case SourceGDELT:
			checkHTTPURL(add, at+".url", s.URL)
			if strings.TrimSpace(s.GDELT.Query) == "" {
				add(at+".gdelt.query", `for example (sovereignty OR intervention) sourcecountry:MX`, "is required for a gdelt source")
			}
		default:
			add(at+".type", "use rss, gdelt or html", "unknown source type %q", s.Type)
		}
		if s.Type == SourceHTML {
			if s.HTML.Item == "" {
				add(at+".html.item", "a CSS selector for one entry of the listing, such as article", "is required for an html source")
			}
			if s.HTML.Link == "" {
				add(at+".html.link", "a CSS selector inside the item for its link, such as a", "is required for an html source")
			}
		}
		if _, err := CronParser.Parse(s.Schedule); err != nil {
			add(at+".schedule", `use a cron spec such as "*/15 * * * *" or "@every 10m"`, "invalid schedule %q: %v", s.Schedule, err)
		}
		switch news.SourceKind(s.Kind) {
		case news.KindMedia, news.KindOfficial:
		default:
			add(at+".kind", "use media or official", "unknown kind %q", s.Kind)
		}
		switch s.Fulltext {
		case FulltextAuto, FulltextAlways, FulltextNever:
		default:
			add(at+".fulltext", "use auto, always or never", "unknown full-text policy %q", s.Fulltext)
		}
		if s.Language != "" && !isLangCode(s.Language) {
			add(at+".language", "use a two-letter ISO 639-1 code such as en or es", "invalid language %q", s.Language)
		}
	}

	if c.AdminChannel != "" {
		c.checkChannel(add, "admin_channel", c.AdminChannel)
	}

	wnames := map[string]int{}
	for i, w := range c.Watchlists {
		at := fmt.Sprintf("watchlists[%d]", i)
		checkUniqueName(add, wnames, "watchlists", "watchlist", i, w.Name)
		for k, t := range w.Types {
			if _, ok := news.ParseStatementType(t); !ok {
				add(fmt.Sprintf("%s.types[%d]", at, k), "use sovereignty_assertion, intervention_rejection, intervention_threat or assistance_offer (or assertion, rejection, threat, offer)", "unknown statement type %q", t)
			}
		}
		if w.MinConfidence < 0 || w.MinConfidence > 1 {
			add(at+".min_confidence", "", "must be between 0 and 1, got %v", w.MinConfidence)
		}
		switch w.Statements {
		case "required", "any":
		default:
			add(at+".statements", "use required or any", "unknown value %q", w.Statements)
		}
		switch w.Mode {
		case ModeImmediate:
		case ModeDigest:
			if _, err := CronParser.Parse(w.Schedule); err != nil {
				add(at+".schedule", `use a cron spec such as "0 8 * * 1-5"`, "invalid digest schedule %q: %v", w.Schedule, err)
			}
		default:
			add(at+".mode", "use immediate or digest", "unknown mode %q", w.Mode)
		}
		if _, err := time.LoadLocation(w.Timezone); err != nil {
			add(at+".timezone", "use an IANA zone such as America/Mexico_City", "unknown time zone %q", w.Timezone)
		}
		for k, ch := range w.Channels {
			c.checkChannel(add, fmt.Sprintf("%s.channels[%d]", at, k), ch)
		}
		for k, m := range w.Mentions {
			path := fmt.Sprintf("%s.mentions[%d]", at, k)
			if _, err := ParseMention(m.To); err != nil {
				add(path+".to", "write slack:U0123ABCD (a user), slack:S0123ABCD (a user group), discord:role:123… or discord:user:123…", "%v", err)
			}
			for j, t := range m.Types {
				if _, ok := news.ParseStatementType(t); !ok {
					add(fmt.Sprintf("%s.types[%d]", path, j), "use threat, rejection, assertion or offer", "unknown statement type %q", t)
				}
			}
			if m.MinConfidence < 0 || m.MinConfidence > 1 {
				add(path+".min_confidence", "", "must be between 0 and 1, got %v", m.MinConfidence)
			}
		}
	}
	return errors.Join(ps...)
}

// checkUniqueName checks that list[i] has a name no earlier entry took;
// seen maps names to the index that took them.
func checkUniqueName(add func(path, hint, format string, args ...any), seen map[string]int, list, what string, i int, name string) {
	path := fmt.Sprintf("%s[%d].name", list, i)
	if name == "" {
		add(path, fmt.Sprintf("give every %s a short unique name", what), "is required")
		return
	}
	if j, dup := seen[name]; dup {
		add(path, fmt.Sprintf("%s[%d] already uses it", list, j), "duplicate %s name %q", what, name)
		return
	}
	seen[name] = i
}

// checkChannel checks a destination and that its platform is configured.
func (c *Config) checkChannel(add func(path, hint, format string, args ...any), path, ch string) {
	dest, err := ParseChannel(ch)
	if err != nil {
		add(path, "write slack:C0123456789, discord:123456789012345678 or console", "%v", err)
		return
	}
	switch {
	case dest.Platform == PlatformSlack && c.Slack.BotToken == "":
		add(path, "set slack.bot_token or remove the channel", "sends to Slack but Slack is not configured")
	case dest.Platform == PlatformDiscord && c.Discord.Token == "":
		add(path, "set discord.token or remove the channel", "sends to Discord but Discord is not configured")
	}
}

func checkHTTPURL(add func(path, hint, format string, args ...any), path, raw string) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		add(path, "use an absolute http:// or https:// URL", "invalid URL %q", raw)
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
