package config

import (
	"fmt"
	"strings"
)

// Chat platforms a channel can live on.
const (
	PlatformSlack   = "slack"
	PlatformDiscord = "discord"
	PlatformConsole = "console"
)

// Channel is a parsed destination such as slack:C0123 or console.
type Channel struct {
	Platform string
	ID       string // empty for the console
}

// String returns the channel in its configuration form.
func (c Channel) String() string {
	if c.Platform == PlatformConsole {
		return PlatformConsole
	}
	return c.Platform + ":" + c.ID
}

// ParseChannel parses slack:CHANNEL_ID, discord:CHANNEL_ID or console.
func ParseChannel(s string) (Channel, error) {
	s = strings.TrimSpace(s)
	if s == PlatformConsole {
		return Channel{Platform: PlatformConsole}, nil
	}
	platform, id, ok := strings.Cut(s, ":")
	if !ok {
		return Channel{}, fmt.Errorf("invalid channel %q: missing platform prefix", s)
	}
	switch platform {
	case PlatformSlack:
		// Slack IDs are upper-case letters and digits starting with C, G or D.
		if len(id) < 2 || !strings.ContainsRune("CGD", rune(id[0])) || strings.IndexFunc(id, func(r rune) bool {
			return (r < 'A' || r > 'Z') && (r < '0' || r > '9')
		}) >= 0 {
			return Channel{}, fmt.Errorf("invalid Slack channel ID %q", id)
		}
	case PlatformDiscord:
		if !isDigits(id) {
			return Channel{}, fmt.Errorf("invalid Discord channel ID %q: it is a number", id)
		}
	default:
		return Channel{}, fmt.Errorf("unknown platform %q in channel %q", platform, s)
	}
	return Channel{Platform: platform, ID: id}, nil
}

// Target is who a mention notifies, parsed.
type Target struct {
	Platform string // slack or discord
	Kind     string // user, usergroup or role
	ID       string
}

// ParseMention parses slack:U…, slack:S…, discord:role:… or discord:user:….
func ParseMention(s string) (Target, error) {
	platform, rest, _ := strings.Cut(strings.TrimSpace(s), ":")
	upperAlnum := func(id string) bool {
		return len(id) >= 2 && strings.IndexFunc(id, func(r rune) bool { return (r < 'A' || r > 'Z') && (r < '0' || r > '9') }) < 0
	}
	switch platform {
	case PlatformSlack:
		switch {
		case upperAlnum(rest) && (rest[0] == 'U' || rest[0] == 'W'):
			return Target{Platform: platform, Kind: "user", ID: rest}, nil
		case upperAlnum(rest) && rest[0] == 'S':
			return Target{Platform: platform, Kind: "usergroup", ID: rest}, nil
		}
		return Target{}, fmt.Errorf("invalid Slack mention %q: a user ID starts with U or W, a user group ID with S", rest)
	case PlatformDiscord:
		kind, id, _ := strings.Cut(rest, ":")
		if (kind == "role" || kind == "user") && isDigits(id) {
			return Target{Platform: platform, Kind: kind, ID: id}, nil
		}
		return Target{}, fmt.Errorf("invalid Discord mention %q: write role:ID or user:ID", rest)
	}
	return Target{}, fmt.Errorf("invalid mention %q: it starts with slack: or discord:", s)
}
