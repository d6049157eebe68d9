// Package config defines sovwatch's configuration file, its defaults and its
// validation. Loading is strict: unknown keys and type errors are reported
// with their line and column, and Validate gathers every problem at once.
package config

import (
	"time"
)

// Config is the whole configuration file.
type Config struct {
	// AdminChannel, when set, receives operational notices: a source
	// failing for a day, a destination refusing messages, a watchlist whose
	// query no longer compiles. Each is sent once.
	AdminChannel string      `yaml:"admin_channel"`
	Storage      Storage     `yaml:"storage"`
	Log          Log         `yaml:"log"`
	Slack        Slack       `yaml:"slack"`
	Discord      Discord     `yaml:"discord"`
	Fetch        Fetch       `yaml:"fetch"`
	Detect       Detect      `yaml:"detect"`
	Sources      []Source    `yaml:"sources"`
	Watchlists   []Watchlist `yaml:"watchlists"`
}

// Storage configures the SQLite database.
type Storage struct {
	Path string `yaml:"path"`
}

// Log configures the process logger.
type Log struct {
	Format string `yaml:"format"` // text or json
	Level  string `yaml:"level"`  // debug, info, warn, error
}

// Slack configures the Slack app. An empty bot token disables Slack.
type Slack struct {
	BotToken      Secret `yaml:"bot_token"`
	AppToken      Secret `yaml:"app_token"`
	SigningSecret Secret `yaml:"signing_secret"`
	APIURL        string `yaml:"api_url"`
}

// Discord configures the Discord application. An empty token disables Discord.
type Discord struct {
	Token         Secret   `yaml:"token"`
	ApplicationID string   `yaml:"application_id"`
	GuildIDs      []string `yaml:"guild_ids"`
	APIURL        string   `yaml:"api_url"`
}

// Fetch configures how watchers reach the network.
type Fetch struct {
	// AllowPrivateNetworks lets sources resolve to loopback, private and
	// link-local addresses. Off by default so a configured or imported URL
	// cannot be used to probe the host's own network.
	AllowPrivateNetworks bool          `yaml:"allow_private_networks"`
	UserAgent            string        `yaml:"user_agent"`
	ContactURL           string        `yaml:"contact_url"`
	Timeout              time.Duration `yaml:"timeout"`
	MaxBodyBytes         int64         `yaml:"max_body_bytes"`
	MaxRedirects         int           `yaml:"max_redirects"`
	Concurrency          int           `yaml:"concurrency"`
	PerHost              int           `yaml:"per_host"`
	HostGap              time.Duration `yaml:"host_gap"`
	// FulltextThreshold is the body length, in characters, under which an
	// item's text counts as a snippet and the article page is fetched.
	FulltextThreshold int `yaml:"fulltext_threshold"`
	// FirstPollWindow bounds what the first poll of a new source alerts on.
	FirstPollWindow time.Duration `yaml:"first_poll_window"`
	// MaxAge is the age past which an item never alerts.
	MaxAge time.Duration `yaml:"max_age"`
	// MaxItems caps the items taken from one feed response.
	MaxItems int `yaml:"max_items"`
	// Jitter bounds the random delay before each scheduled poll (and a
	// tenth of the source's interval bounds it too), so sources on one
	// schedule do not fire in the same second. Negative: none.
	Jitter time.Duration `yaml:"jitter"`
	// GDELTURL is the GDELT DOC 2.0 API endpoint.
	GDELTURL string `yaml:"gdelt_url"`
}

// Detect configures statement detection.
type Detect struct {
	// People extends the built-in list of speakers (heads of state and
	// government, ministers, spokespeople); a built-in name is replaced.
	People []Person `yaml:"people"`
}

// Person is a speaker the detector should know: attribution to them gives
// the statement their country as its actor.
type Person struct {
	Name    string   `yaml:"name"`
	Country string   `yaml:"country"` // ISO 3166-1 alpha-2
	Role    string   `yaml:"role"`
	Gender  string   `yaml:"gender"` // f or m: resolves "she"/"la mandataria"
	Aliases []string `yaml:"aliases"`
}

// Source types.
const (
	SourceRSS   = "rss"
	SourceGDELT = "gdelt"
	SourceHTML  = "html"
)

// Full-text policies.
const (
	FulltextAuto   = "auto"
	FulltextAlways = "always"
	FulltextNever  = "never"
)

// Source is one configured news source.
type Source struct {
	Name     string `yaml:"name"`
	Type     string `yaml:"type"` // rss, gdelt or html
	URL      string `yaml:"url"`
	Schedule string `yaml:"schedule"`
	// Enabled is a pointer so that an absent key means true.
	Enabled  *bool  `yaml:"enabled"`
	Kind     string `yaml:"kind"`     // media or official
	Language string `yaml:"language"` // ISO 639-1 hint, empty to detect
	Fulltext string `yaml:"fulltext"` // auto, always or never
	// HTML configures an html listing page.
	HTML HTMLSelectors `yaml:"html"`
	// GDELT configures a GDELT DOC query; URL is then optional.
	GDELT GDELTQuery `yaml:"gdelt"`
}

// IsEnabled reports whether the source should be polled.
func (s Source) IsEnabled() bool { return s.Enabled == nil || *s.Enabled }

// HTMLSelectors are the CSS selectors that pick items out of a listing page.
type HTMLSelectors struct {
	Item       string `yaml:"item"`
	Link       string `yaml:"link"`
	Title      string `yaml:"title"`
	Date       string `yaml:"date"`
	DateLayout string `yaml:"date_layout"` // Go time layout; empty tries common layouts
}

// GDELTQuery is a GDELT DOC 2.0 artlist query.
type GDELTQuery struct {
	Query      string `yaml:"query"`
	Timespan   string `yaml:"timespan"`
	MaxRecords int    `yaml:"max_records"`
}

// Watchlist modes.
const (
	ModeImmediate = "immediate"
	ModeDigest    = "digest"
)

// Watchlist is a named query plus statement filters, delivered to channels.
type Watchlist struct {
	Name          string   `yaml:"name"`
	Query         string   `yaml:"query"`
	Types         []string `yaml:"types"`
	Actors        []string `yaml:"actors"`
	Targets       []string `yaml:"targets"`
	MinConfidence float64  `yaml:"min_confidence"`
	// Statements is "required" (default: alert only on articles with at
	// least one matching statement) or "any".
	Statements string `yaml:"statements"`
	Mode       string `yaml:"mode"`     // immediate or digest
	Schedule   string `yaml:"schedule"` // cron spec, for digests
	Timezone   string `yaml:"timezone"` // IANA zone for the digest schedule
	// PostEmpty posts a digest for a period with nothing in it, so a desk
	// knows the watch is alive.
	PostEmpty bool     `yaml:"post_empty"`
	Channels  []string `yaml:"channels"` // slack:ID, discord:ID or console
	// Mentions are the only people or groups an alert of this watchlist
	// ever notifies.
	Mentions []Mention `yaml:"mentions"`
}

// Mention notifies someone for the statements that matter to them, such as
// the on-call analyst for threats above 0.8 confidence.
type Mention struct {
	// To is slack:U… (a user), slack:S… (a user group), discord:role:… or
	// discord:user:….
	To            string   `yaml:"to"`
	Types         []string `yaml:"types"` // empty: any type
	MinConfidence float64  `yaml:"min_confidence"`
}
