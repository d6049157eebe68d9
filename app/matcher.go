package app

import (
	"encoding/json"
	"log/slog"

	"sovwatch/geo"
	"sovwatch/news"
	"sovwatch/query"
	"sovwatch/storage"
)

// Matcher keeps every active watchlist in one query index and turns an
// article's matches into alert drafts that say why they matched.
type Matcher struct {
	index *query.Index
	log   *slog.Logger
}

// NewMatcher returns an empty matcher resolving country names through the
// built-in gazetteer.
func NewMatcher(log *slog.Logger) *Matcher {
	return &Matcher{index: query.NewIndex(QueryOptions()), log: log}
}

// QueryOptions are the options every query is compiled with.
func QueryOptions() query.Options {
	return query.Options{Countries: geo.Lookup}
}

// QueryWatchlist converts a stored watchlist for the query package.
func QueryWatchlist(w storage.Watchlist) query.Watchlist {
	qw := query.Watchlist{
		ID: w.ID, Query: w.Query, Actors: w.Actors, Targets: w.Targets,
		MinConfidence: w.MinConfidence, AnyArticle: w.Statements == "any",
	}
	for _, t := range w.Types {
		if st, ok := news.ParseStatementType(t); ok {
			qw.Types = append(qw.Types, st)
		}
	}
	return qw
}

// Set adds or replaces a watchlist; a paused one is removed.
func (m *Matcher) Set(w storage.Watchlist) error {
	if w.Paused {
		m.index.Remove(w.ID)
		return nil
	}
	return m.index.Update(QueryWatchlist(w))
}

// Remove drops a watchlist.
func (m *Matcher) Remove(id int64) { m.index.Remove(id) }

// reason is what an alert records about why it fired.
type reason struct {
	Terms      []string `json:"terms,omitempty"`
	Statements []int    `json:"statements,omitempty"`
}

// Match returns an alert draft for every watchlist the article matches.
func (m *Matcher) Match(a news.Article, statements []news.Statement) []storage.AlertDraft {
	doc := query.NewDocument(a, statements)
	ids := m.index.Match(doc)
	drafts := make([]storage.AlertDraft, 0, len(ids))
	for _, id := range ids {
		d := storage.AlertDraft{WatchlistID: id}
		if e, ok := m.index.Explain(id, doc); ok {
			b, err := json.Marshal(reason{Terms: e.Terms, Statements: e.Statements})
			if err == nil {
				d.Reason = string(b)
			}
		}
		drafts = append(drafts, d)
	}
	return drafts
}
