// Package news holds the plain data types that flow through sovwatch: articles
// read from sources and the statements found in them. It depends on nothing
// else in the project so that every stage can share it.
package news

import (
	"strings"
	"time"
)

// SourceKind says whether a source speaks for a government or reports on one.
type SourceKind string

const (
	// KindMedia is an outlet reporting what others said (the default).
	KindMedia SourceKind = "media"
	// KindOfficial is a primary source: a presidency, ministry or embassy.
	KindOfficial SourceKind = "official"
)

// Article is one news item as stored, after canonicalisation.
type Article struct {
	ID         int64
	Source     string     // name of the source that first saw it
	SourceKind SourceKind // kind of that source
	URL        string     // canonical URL, the de-duplication key
	GUID       string     // the feed's GUID, a second de-duplication key
	Title      string
	Summary    string // the feed's own description, possibly a snippet
	Text       string // full article text when fetched, else empty
	Language   string // ISO 639-1 code, empty when unknown
	Published  time.Time
	Fetched    time.Time
}

// Body returns the best text available for detection: the full text when it
// was fetched, else the feed summary.
func (a Article) Body() string {
	if strings.TrimSpace(a.Text) != "" {
		return a.Text
	}
	return a.Summary
}

// StatementType is one of the four kinds of statement sovwatch detects.
type StatementType string

// The statement taxonomy. The string values are part of the public contract
// (JSON output, watchlist filters, stored rows).
const (
	SovereigntyAssertion  StatementType = "sovereignty_assertion"
	InterventionRejection StatementType = "intervention_rejection"
	InterventionThreat    StatementType = "intervention_threat"
	AssistanceOffer       StatementType = "assistance_offer"
)

// StatementTypes lists every type in a stable order.
var StatementTypes = []StatementType{SovereigntyAssertion, InterventionRejection, InterventionThreat, AssistanceOffer}

// ParseStatementType accepts a full type name or its short form
// (assertion, rejection, threat, offer), case-insensitively.
func ParseStatementType(s string) (StatementType, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "sovereignty_assertion", "assertion":
		return SovereigntyAssertion, true
	case "intervention_rejection", "rejection":
		return InterventionRejection, true
	case "intervention_threat", "threat":
		return InterventionThreat, true
	case "assistance_offer", "offer":
		return AssistanceOffer, true
	}
	return "", false
}

// Statement is one detected statement: who said what, for which country,
// aimed at which, and the words that gave it away.
type Statement struct {
	Type       StatementType `json:"type"`
	Speaker    string        `json:"speaker"`
	Actor      string        `json:"actor"`   // ISO 3166-1 alpha-2, empty when unknown
	Targets    []string      `json:"targets"` // ISO 3166-1 alpha-2 codes
	Quote      string        `json:"quote"`
	Sentence   string        `json:"sentence"`
	Cues       []string      `json:"cues"`
	Confidence float64       `json:"confidence"` // in [0,1]
}
