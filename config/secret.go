package config

import "log/slog"

// Secret is a token or password. It prints redacted so that it never reaches
// a log line, an error string or check-config's summary.
type Secret string

// String redacts the value.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString redacts the value in %#v.
func (s Secret) GoString() string { return `config.Secret("[redacted]")` }

// LogValue keeps the secret out of slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Reveal returns the value, for the one place that must send it.
func (s Secret) Reveal() string { return string(s) }
