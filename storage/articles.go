package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sovwatch/news"
)

// IngestItem is one article from a poll with what detection and matching
// made of it. Statements and Alerts are only used if the article is new.
type IngestItem struct {
	Article    news.Article
	Statements []news.Statement
	Alerts     []AlertDraft
	// StoryID is the story a new article joins, created with that ID when
	// it is not stored yet; 0 starts a story numbered by the database.
	StoryID int64
	// Fingerprint is the article's story fingerprint, kept to rebuild the
	// grouping index at start.
	Fingerprint []byte
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
	// Stories has, for each item of the batch, the story its article was
	// stored in; 0 for an article that was already known.
	Stories    []int64
	Sightings  int // articles already known, seen again here
	Alerts     int
	Updates    int // posted alerts queued for an update (more outlets)
	Replies    int // later articles with a new statement, queued for a thread
	Deliveries int
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
// state, every article not stored before with its story, statements and
// alerts, an outbox row for each alert in each channel of an active
// immediate watchlist, and a sighting for every article already known.
//
// A watchlist alerts once per story. A later article of an alerted story
// that carries a new statement (a new speaker, or a new type) is queued as
// a reply in the alert's thread; any other new article or sighting of the
// story queues one update of the posted alert (its outlet count), and
// never a second one while the first is pending. Alerts are created only
// for articles this transaction inserted, so two sources that carry the
// same article never alert twice.
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
		res.Stories = make([]int64, len(b.Items))
		for i, it := range b.Items {
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
					// A new outlet for the story: its posted alerts show the count.
					n, err := queueUpdates(ctx, tx, `(SELECT story_id FROM articles WHERE id = ?)`, existing, 0, at)
					if err != nil {
						return fmt.Errorf("updates for %s: %w", a.URL, err)
					}
					res.Updates += n
					res.Deliveries += n
				}
				continue
			}
			published := a.Published
			if published.IsZero() {
				published = a.Fetched
			}
			storyID, err := joinStory(ctx, tx, it.StoryID, a, at)
			if err != nil {
				return fmt.Errorf("story of %s: %w", a.URL, err)
			}
			res.Stories[i] = storyID
			r, err := tx.ExecContext(ctx, `INSERT INTO articles (url, guid, source_id, title, summary, body, language, published_at, fetched_at, story_id, fingerprint)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				a.URL, a.GUID, sourceID, a.Title, a.Summary, a.Text, a.Language, millis(published), millis(a.Fetched), storyID, it.Fingerprint)
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
			matched := map[int64]bool{}
			for _, d := range it.Alerts {
				matched[d.WatchlistID] = true
				out, err := alertStory(ctx, tx, d, id, storyID, it.Statements, at)
				if err != nil {
					return fmt.Errorf("alert for %s: %w", a.URL, err)
				}
				res.Alerts += out.alerts
				res.Replies += out.replies
				res.Updates += out.updates
				res.Deliveries += out.deliveries
			}
			// Alerted watchlists this article did not match still see one
			// more outlet carrying their story.
			n, err := queueUpdatesExcept(ctx, tx, storyID, matched, at)
			if err != nil {
				return fmt.Errorf("updates for %s: %w", a.URL, err)
			}
			res.Updates += n
			res.Deliveries += n
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

// UpdateDelay is how long an update of a posted alert waits, so that a
// burst of outlets picking up a story makes one edit, not one each.
const UpdateDelay = 2 * time.Minute

// joinStory returns the story a new article belongs to: the one given,
// created under that ID by its first article, or, for ID 0, a new one.
func joinStory(ctx context.Context, tx *stmtCache, storyID int64, a news.Article, at int64) (int64, error) {
	if storyID != 0 {
		_, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, language, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`, storyID, a.Title, a.Language, at, at)
		return storyID, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO stories (title, language, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)`, a.Title, a.Language, at, at)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

type alertOutcome struct{ alerts, replies, updates, deliveries int }

// alertStory turns a watchlist match into a new alert for the story, a
// reply in the alert's thread when the article brings a new statement, or
// an update of the posted alert.
func alertStory(ctx context.Context, tx *stmtCache, d AlertDraft, articleID, storyID int64, sts []news.Statement, at int64) (alertOutcome, error) {
	var out alertOutcome
	var alertID int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM alerts WHERE watchlist_id = ? AND story_id = ?`, d.WatchlistID, storyID).Scan(&alertID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		n, err := insertAlert(ctx, tx, d, articleID, storyID, at)
		out.alerts, out.deliveries = 1, n
		return out, err
	case err != nil:
		return out, err
	}
	fresh, err := bringsNewStatement(ctx, tx, alertID, sts)
	if err != nil {
		return out, err
	}
	if !fresh {
		n, err := queueUpdates(ctx, tx, `?`, storyID, d.WatchlistID, at)
		out.updates, out.deliveries = n, n
		return out, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO alert_articles (alert_id, article_id) VALUES (?, ?)`, alertID, articleID); err != nil {
		return out, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO deliveries (alert_id, article_id, channel, kind, next_attempt_at, created_at)
		SELECT ?, ?, c.channel, 'reply', ?, ? FROM watchlist_channels c JOIN watchlists w ON w.id = c.watchlist_id
		WHERE c.watchlist_id = ? AND w.paused = 0 AND w.mode = 'immediate'`, alertID, articleID, at, at, d.WatchlistID)
	if err != nil {
		return out, err
	}
	n, _ := r.RowsAffected()
	out.replies, out.deliveries = int(n), int(n)
	return out, nil
}

// bringsNewStatement reports whether sts has a statement whose type and
// speaker (or actor, when the speaker is unknown) none of the articles the
// alert has shown had: the next turn in an exchange between governments.
func bringsNewStatement(ctx context.Context, tx *stmtCache, alertID int64, sts []news.Statement) (bool, error) {
	for _, st := range sts {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM statements s JOIN alert_articles aa ON aa.article_id = s.article_id
			WHERE aa.alert_id = ?1 AND s.type = ?2 AND (CASE WHEN ?3 <> '' THEN s.speaker = ?3 ELSE s.actor = ?4 END) LIMIT 1`,
			alertID, string(st.Type), st.Speaker, st.Actor).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
	return false, nil
}

// queueUpdates queues one update per channel of the posted alerts of a
// story (storyExpr, bound to storyArg, selects it), for one watchlist or
// all (watchlistID 0), skipping channels that already have one pending.
func queueUpdates(ctx context.Context, tx *stmtCache, storyExpr string, storyArg, watchlistID, at int64) (int, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO deliveries (alert_id, channel, kind, next_attempt_at, created_at)
		SELECT a.id, c.channel, 'update', ?1, ?2 FROM alerts a
		JOIN watchlist_channels c ON c.watchlist_id = a.watchlist_id JOIN watchlists w ON w.id = a.watchlist_id
		WHERE a.story_id = `+strings.Replace(storyExpr, "?", "?3", 1)+` AND (?4 = 0 OR a.watchlist_id = ?4)
		AND w.paused = 0 AND w.mode = 'immediate'
		AND NOT EXISTS (SELECT 1 FROM deliveries p WHERE p.alert_id = a.id AND p.channel = c.channel
			AND p.kind = 'update' AND p.status = 'pending')`,
		at+UpdateDelay.Milliseconds(), at, storyArg, watchlistID)
	if err != nil {
		return 0, err
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}

// queueUpdatesExcept queues updates for the story's alerts of every
// watchlist not in skip.
func queueUpdatesExcept(ctx context.Context, tx *stmtCache, storyID int64, skip map[int64]bool, at int64) (int, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT DISTINCT watchlist_id FROM alerts WHERE story_id = ?`, storyID)
	if err != nil {
		return 0, err
	}
	var ws []int64
	for rows.Next() {
		var w int64
		if err := rows.Scan(&w); err != nil {
			rows.Close()
			return 0, err
		}
		if !skip[w] {
			ws = append(ws, w)
		}
	}
	rows.Close()
	total := 0
	for _, w := range ws {
		n, err := queueUpdates(ctx, tx, `?`, storyID, w, at)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, rows.Err()
}

// insertAlert records an alert and queues one delivery per channel of its
// watchlist when the watchlist is active and immediate; digests collect
// alerts on their own schedule. It returns the deliveries queued.
func insertAlert(ctx context.Context, tx *stmtCache, d AlertDraft, articleID, storyID, at int64) (int, error) {
	reason := d.Reason
	if reason == "" {
		reason = "{}"
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO alerts (watchlist_id, article_id, story_id, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
		d.WatchlistID, articleID, storyID, reason, at)
	if err != nil {
		return 0, err
	}
	alertID, _ := r.LastInsertId()
	if _, err := tx.ExecContext(ctx, `INSERT INTO alert_articles (alert_id, article_id) VALUES (?, ?)`, alertID, articleID); err != nil {
		return 0, err
	}
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

// StoryFingerprint is what rebuilds the story grouping index at start.
type StoryFingerprint struct {
	ArticleID   int64
	StoryID     int64
	Fingerprint []byte
	Published   time.Time
}

// StoryFingerprints returns the fingerprints of articles published at or
// after since, oldest first.
func (s *Store) StoryFingerprints(ctx context.Context, since time.Time) ([]StoryFingerprint, error) {
	rows, err := s.query(ctx, `SELECT id, story_id, fingerprint, published_at FROM articles
		WHERE published_at >= ? AND story_id IS NOT NULL AND fingerprint IS NOT NULL ORDER BY published_at, id`, millis(since))
	return collect(rows, err, "story fingerprints", func(r rowScanner) (StoryFingerprint, error) {
		var f StoryFingerprint
		var pub sql.NullInt64
		err := r.Scan(&f.ArticleID, &f.StoryID, &f.Fingerprint, &pub)
		f.Published = fromMillis(pub)
		return f, err
	})
}

// MaxStoryID returns the highest story ID used, so new ones follow it.
func (s *Store) MaxStoryID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	if err := s.queryRow(ctx, `SELECT MAX(id) FROM stories`).Scan(&id); err != nil {
		return 0, fmt.Errorf("storage: max story id: %w", err)
	}
	return id.Int64, nil
}
