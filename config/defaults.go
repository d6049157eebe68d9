package config

import "time"

// Default values. They live here, in one place, so that the README, the
// example file and the code agree.
const (
	DefaultStoragePath       = "sovwatch.db"
	DefaultSlackAPIURL       = "https://slack.com/api/"
	DefaultDiscordAPIURL     = "https://discord.com/api/v10/"
	DefaultGDELTURL          = "https://api.gdeltproject.org/api/v2/doc/doc"
	DefaultSchedule          = "@every 10m"
	DefaultDigestSchedule    = "0 8 * * 1-5"
	DefaultTimeout           = 30 * time.Second
	DefaultMaxBodyBytes      = 10 << 20
	DefaultMaxRedirects      = 5
	DefaultConcurrency       = 8
	DefaultPerHost           = 2
	DefaultHostGap           = time.Second
	DefaultFulltextThreshold = 600
	DefaultFirstPollWindow   = 6 * time.Hour
	DefaultMaxAge            = 72 * time.Hour
	DefaultMaxItems          = 500
	DefaultJitter            = 30 * time.Second
	// DefaultGDELTTimespan covers a few of GDELT's 15-minute update
	// cycles, so a poll every 10 minutes overlaps the previous one.
	DefaultGDELTTimespan = "1h"
	// DefaultGDELTMaxRecords is GDELT's own default.
	DefaultGDELTMaxRecords = 75
	DefaultUserAgent       = "sovwatch/1 (news monitor; +https://github.com/sovwatch/sovwatch)"
)

// Default returns the configuration sovwatch runs on when no file is given:
// a SQLite file in the working directory, alerts on the console, a set of
// public feeds about the Americas and world politics, and one watchlist
// that alerts on every detected statement.
func Default() Config {
	cfg := Config{
		Sources: []Source{
			{Name: "bbc-world", Type: SourceRSS, URL: "https://feeds.bbci.co.uk/news/world/rss.xml"},
			{Name: "bbc-latin-america", Type: SourceRSS, URL: "https://feeds.bbci.co.uk/news/world/latin_america/rss.xml"},
			{Name: "guardian-americas", Type: SourceRSS, URL: "https://www.theguardian.com/world/americas/rss"},
			{Name: "aljazeera", Type: SourceRSS, URL: "https://www.aljazeera.com/xml/rss/all.xml"},
			{Name: "france24-americas", Type: SourceRSS, URL: "https://www.france24.com/en/americas/rss"},
			{Name: "npr-world", Type: SourceRSS, URL: "https://feeds.npr.org/1004/rss.xml"},
			{Name: "elpais-america", Type: SourceRSS, URL: "https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/section/america/portada", Language: "es"},
			{Name: "dw-espanol", Type: SourceRSS, URL: "https://rss.dw.com/xml/rss-sp-all", Language: "es"},
			{Name: "gdelt-sovereignty", Type: SourceGDELT, Schedule: "@every 15m", GDELT: GDELTQuery{
				Query: `(sovereignty OR intervention OR soberanía OR intervención OR injerencia)`,
			}},
		},
		Watchlists: []Watchlist{
			{Name: "all-statements", Channels: []string{"console"}},
		},
	}
	ApplyDefaults(&cfg)
	return cfg
}

// ApplyDefaults fills every unset value. It is idempotent.
func ApplyDefaults(c *Config) {
	setDefault(&c.Storage.Path, DefaultStoragePath)
	setDefault(&c.Log.Format, "text")
	setDefault(&c.Log.Level, "info")
	setDefault(&c.Slack.APIURL, DefaultSlackAPIURL)
	setDefault(&c.Discord.APIURL, DefaultDiscordAPIURL)
	c.Fetch.ApplyDefaults()
	f := &c.Fetch
	for i := range c.Sources {
		s := &c.Sources[i]
		setDefault(&s.Schedule, DefaultSchedule)
		setDefault(&s.Kind, "media")
		setDefault(&s.Fulltext, FulltextAuto)
		if s.Type == SourceGDELT {
			setDefault(&s.URL, f.GDELTURL)
			setDefault(&s.GDELT.Timespan, DefaultGDELTTimespan)
			setDefault(&s.GDELT.MaxRecords, DefaultGDELTMaxRecords)
		}
	}
	for i := range c.Watchlists {
		w := &c.Watchlists[i]
		setDefault(&w.Mode, ModeImmediate)
		setDefault(&w.Statements, "required")
		setDefault(&w.Timezone, "UTC")
		if w.Mode == ModeDigest {
			setDefault(&w.Schedule, DefaultDigestSchedule)
		}
		if len(w.Channels) == 0 {
			w.Channels = []string{"console"}
		}
	}
}

// ApplyDefaults fills every unset fetch setting. A negative host_gap or
// max_redirects is kept: it means none.
func (f *Fetch) ApplyDefaults() {
	setDefault(&f.UserAgent, DefaultUserAgent)
	setDefault(&f.Timeout, DefaultTimeout)
	setDefault(&f.MaxBodyBytes, DefaultMaxBodyBytes)
	setDefault(&f.MaxRedirects, DefaultMaxRedirects)
	setDefault(&f.Concurrency, DefaultConcurrency)
	setDefault(&f.PerHost, DefaultPerHost)
	setDefault(&f.HostGap, DefaultHostGap)
	setDefault(&f.FulltextThreshold, DefaultFulltextThreshold)
	setDefault(&f.FirstPollWindow, DefaultFirstPollWindow)
	setDefault(&f.MaxAge, DefaultMaxAge)
	setDefault(&f.MaxItems, DefaultMaxItems)
	setDefault(&f.GDELTURL, DefaultGDELTURL)
	setDefault(&f.Jitter, DefaultJitter)
}

func setDefault[T comparable](dst *T, v T) {
	var zero T
	if *dst == zero {
		*dst = v
	}
}
