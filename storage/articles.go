package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"sovwatch/news"
)

// IngestItem is one article from a poll with what detection and matching
// made of it. Statements and Alerts are only used if the article is new.
type IngestItem struct {
	Article    news.Article
	Statements []news.Statement
	Alerts     []AlertDraft
}

// AlertDraft is a watchlist match waiting to become an alert.
type AlertDraft struct {
	WatchlistID int64
	Reason      string // JSON explaining the match
}

// IngestBatch is everything one successful poll of one source records.
type IngestBatch struct {
	Source  string
	Outcome PollOutcome
	Items   []IngestItem
}

// IngestResult says what a batch changed.
type IngestResult struct {
	NewArticles []int64 // IDs of articles stored for the first time
	Sightings   int     // articles already known, seen again here
	Alerts      int
	Deliveries  int
}

// ArticleKey identifies an article for de-duplication: by canonical URL or,
// when the feed gives one, by GUID.
type ArticleKey struct {
	URL  string
	GUID string
}

// KnownArticles returns which keys are already stored, so that the costly
// stages (full text, detection) run only on new articles. The answer is a
// hint: Ingest checks again inside its transaction.
func (s *Store) KnownArticles(ctx context.Context, keys []ArticleKey) (map[ArticleKey]bool, error) {
	known := make(map[ArticleKey]bool)
	for _, k := range keys {
		seen, err := s.Seen(ctx, k.URL, k.GUID)
		if err != nil {
			return nil, fmt.Errorf("storage: known articles: %w", err)
		}
		if seen {
			known[k] = true
		}
	}
	return known, nil
}

// Ingest records a successful poll in one transaction: the source's fetch
// state, every article not stored before with its statements and alerts,
// an outbox row for each alert in each channel of an active immediate
// watchlist, and a sighting for every article already known. Alerts are
// created only for articles this transaction inserted, so two sources that
// carry the same story never alert twice.
func (s *Store) Ingest(ctx context.Context, b IngestBatch) (IngestResult, error) {
	var res IngestResult
	err := s.inTx(ctx, func(sqlTx *sql.Tx) error {
		res = IngestResult{}
		tx := newStmtCache(sqlTx)
		defer tx.close()
		if err := recordSuccess(ctx, sqlTx, b.Source, b.Outcome); err != nil {
			return err
		}
		var sourceID int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE name = ?`, b.Source).Scan(&sourceID); err != nil {
			return fmt.Errorf("source %s: %w", b.Source, err)
		}
		at := millis(b.Outcome.At)
		for _, it := range b.Items {
			a := it.Article
			existing, err := findArticle(ctx, tx, a.URL, a.GUID)
			if err != nil {
				return err
			}
			if existing != 0 {
				r, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO sightings (article_id, source_id, seen_at) VALUES (?, ?, ?)`, existing, sourceID, at)
				if err != nil {
					return fmt.Errorf("sighting of %s: %w", a.URL, err)
				}
				if n, _ := r.RowsAffected(); n > 0 {
					res.Sightings++
				}
				continue
			}
			published := a.Published
			if published.IsZero() {
				published = a.Fetched
			}
			r, err := tx.ExecContext(ctx, `INSERT INTO articles (url, guid, source_id, title, summary, body, language, published_at, fetched_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				a.URL, a.GUID, sourceID, a.Title, a.Summary, a.Text, a.Language, millis(published), millis(a.Fetched))
			if err != nil {
				return fmt.Errorf("article %s: %w", a.URL, err)
			}
			id, _ := r.LastInsertId()
			res.NewArticles = append(res.NewArticles, id)
			if _, err := tx.ExecContext(ctx, `INSERT INTO sightings (article_id, source_id, seen_at) VALUES (?, ?, ?)`, id, sourceID, at); err != nil {
				return fmt.Errorf("sighting of %s: %w", a.URL, err)
			}
			for i, st := range it.Statements {
				_, err := tx.ExecContext(ctx, `INSERT INTO statements (article_id, position, type, speaker, actor, targets, quote, sentence, cues, confidence)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					id, i, string(st.Type), st.Speaker, st.Actor, encodeList(st.Targets), st.Quote, st.Sentence, encodeList(st.Cues), st.Confidence)
				if err != nil {
					return fmt.Errorf("statement %d of %s: %w", i, a.URL, err)
				}
			}
			for _, d := range it.Alerts {
				n, err := insertAlert(ctx, tx, d, id, at)
				if err != nil {
					return fmt.Errorf("alert for %s: %w", a.URL, err)
				}
				res.Alerts++
				res.Deliveries += n
			}
		}
		return nil
	})
	if err != nil {
		return IngestResult{}, fmt.Errorf("storage: ingest from %s: %w", b.Source, err)
	}
	return res, nil
}

// matchArticle selects the article a (url, guid) pair names. Either may
// match either column: when a page's rel=canonical replaced an item's link,
// the link is kept as the GUID, and the next poll brings the link again.
// An empty GUID becomes NULL, which matches nothing.
const matchArticle = `SELECT id FROM articles WHERE url IN (?1, NULLIF(?2, '')) OR guid IN (?1, NULLIF(?2, ''))`

func findArticle(ctx context.Context, tx *stmtCache, url, guid string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, matchArticle+` LIMIT 1`, url, guid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// insertAlert records an alert and queues one delivery per channel of its
// watchlist when the watchlist is active and immediate; digests collect
// alerts on their own schedule. It returns the deliveries queued.
func insertAlert(ctx context.Context, tx *stmtCache, d AlertDraft, articleID, at int64) (int, error) {
	reason := d.Reason
	if reason == "" {
		reason = "{}"
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO alerts (watchlist_id, article_id, reason, created_at) VALUES (?, ?, ?, ?)`,
		d.WatchlistID, articleID, reason, at)
	if err != nil {
		return 0, err
	}
	alertID, _ := r.LastInsertId()
	r, err = tx.ExecContext(ctx, `INSERT INTO deliveries (alert_id, channel, kind, next_attempt_at, created_at)
		SELECT ?, c.channel, 'alert', ?, ? FROM watchlist_channels c JOIN watchlists w ON w.id = c.watchlist_id
		WHERE c.watchlist_id = ? AND w.paused = 0 AND w.mode = 'immediate'`, alertID, at, at, d.WatchlistID)
	if err != nil {
		return 0, err
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}

// StoredArticle is an article with its statements, as read back.
type StoredArticle struct {
	news.Article
	Statements []news.Statement
}

// ArticlesSince calls fn for each article published at or after since,
// newest first, with its statements. Returning an error from fn stops.
func (s *Store) ArticlesSince(ctx context.Context, since time.Time, fn func(StoredArticle) error) error {
	rows, err := s.query(ctx, `SELECT a.id, a.url, a.guid, src.name, src.kind, a.title, a.summary, a.body, a.language,
		a.published_at, a.fetched_at FROM articles a JOIN sources src ON src.id = a.source_id
		WHERE a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC`, millis(since))
	if err != nil {
		return fmt.Errorf("storage: articles since %s: %w", since.Format(time.RFC3339), err)
	}
	var arts []StoredArticle
	for rows.Next() {
		var a StoredArticle
		var kind string
		var pub, fetched sql.NullInt64
		if err := rows.Scan(&a.ID, &a.URL, &a.GUID, &a.Source, &kind, &a.Title, &a.Summary, &a.Text, &a.Language, &pub, &fetched); err != nil {
			rows.Close()
			return fmt.Errorf("storage: articles since: %w", err)
		}
		a.SourceKind = news.SourceKind(kind)
		a.Published, a.Fetched = fromMillis(pub), fromMillis(fetched)
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("storage: articles since: %w", err)
	}
	for _, a := range arts {
		st, err := s.statements(ctx, a.ID)
		if err != nil {
			return err
		}
		a.Statements = st
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// Article returns one stored article with its statements.
func (s *Store) Article(ctx context.Context, id int64) (StoredArticle, error) {
	var a StoredArticle
	var kind string
	var pub, fetched sql.NullInt64
	err := s.queryRow(ctx, `SELECT a.id, a.url, a.guid, src.name, src.kind, a.title, a.summary, a.body, a.language,
		a.published_at, a.fetched_at FROM articles a JOIN sources src ON src.id = a.source_id WHERE a.id = ?`, id).
		Scan(&a.ID, &a.URL, &a.GUID, &a.Source, &kind, &a.Title, &a.Summary, &a.Text, &a.Language, &pub, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("storage: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("storage: article %d: %w", id, err)
	}
	a.SourceKind = news.SourceKind(kind)
	a.Published, a.Fetched = fromMillis(pub), fromMillis(fetched)
	a.Statements, err = s.statements(ctx, id)
	return a, err
}

// Sightings returns the names of the sources an article was seen in, in
// the order they saw it.
func (s *Store) Sightings(ctx context.Context, articleID int64) ([]string, error) {
	rows, err := s.query(ctx, `SELECT src.name FROM sightings si JOIN sources src ON src.id = si.source_id
		WHERE si.article_id = ? ORDER BY si.seen_at, src.name`, articleID)
	return collect(rows, err, fmt.Sprintf("sightings of %d", articleID), func(r rowScanner) (string, error) {
		var n string
		return n, r.Scan(&n)
	})
}

func (s *Store) statements(ctx context.Context, articleID int64) ([]news.Statement, error) {
	rows, err := s.query(ctx, `SELECT type, speaker, actor, targets, quote, sentence, cues, confidence
		FROM statements WHERE article_id = ? ORDER BY position`, articleID)
	return collect(rows, err, fmt.Sprintf("statements of %d", articleID), func(r rowScanner) (news.Statement, error) {
		var st news.Statement
		var typ, targets, cues string
		err := r.Scan(&typ, &st.Speaker, &st.Actor, &targets, &st.Quote, &st.Sentence, &cues, &st.Confidence)
		st.Type = news.StatementType(typ)
		st.Targets, st.Cues = decodeList(targets), decodeList(cues)
		return st, err
	})
}

// Seen reports whether an article is stored, by canonical URL or GUID.
func (s *Store) Seen(ctx context.Context, url, guid string) (bool, error) {
	var id int64
	err := s.queryRow(ctx, matchArticle+` LIMIT 1`, url, guid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage: seen %s: %w", url, err)
	}
	return true, nil
}
