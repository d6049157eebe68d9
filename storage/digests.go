package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// KindDigest is a delivery carrying a digest; its payload is the digest.
const KindDigest = "digest"

// ErrDigestExists is returned when a period's digest was already recorded.
var ErrDigestExists = errors.New("digest already recorded for this period")

// DigestAlert is one alert of a digest period with what it is about.
type DigestAlert struct {
	AlertID   int64
	StoryID   int64
	Article   StoredArticle
	Outlets   []string // every source that carried the story
	CreatedAt time.Time
}

// LastDigestEnd returns the end of the watchlist's last recorded digest
// period, or the zero time.
func (s *Store) LastDigestEnd(ctx context.Context, watchlistID int64) (time.Time, error) {
	var end sql.NullInt64
	err := s.queryRow(ctx, `SELECT MAX(period_end) FROM digests WHERE watchlist_id = ?`, watchlistID).Scan(&end)
	if err != nil {
		return time.Time{}, fmt.Errorf("storage: last digest of watchlist %d: %w", watchlistID, err)
	}
	return fromMillis(end), nil
}

// DigestAlerts returns the watchlist's alerts created in (since, until],
// oldest first, with their articles and statements.
func (s *Store) DigestAlerts(ctx context.Context, watchlistID int64, since, until time.Time) ([]DigestAlert, error) {
	rows, err := s.query(ctx, `SELECT al.id, COALESCE(al.story_id, 0), al.article_id, al.created_at
		FROM alerts al WHERE al.watchlist_id = ? AND al.created_at > ? AND al.created_at <= ? ORDER BY al.created_at, al.id`,
		watchlistID, millis(since), millis(until))
	type row struct {
		alert, story, article int64
		created               sql.NullInt64
	}
	found, err := collect(rows, err, fmt.Sprintf("digest alerts of watchlist %d", watchlistID), func(r rowScanner) (row, error) {
		var x row
		return x, r.Scan(&x.alert, &x.story, &x.article, &x.created)
	})
	if err != nil {
		return nil, err
	}
	out := make([]DigestAlert, 0, len(found))
	for _, x := range found {
		c, err := s.DeliveryContent(ctx, Delivery{AlertID: x.alert, Kind: KindAlert})
		if err != nil {
			return nil, err
		}
		out = append(out, DigestAlert{AlertID: x.alert, StoryID: x.story, Article: c.Article, Outlets: c.SeenIn, CreatedAt: fromMillis(x.created)})
	}
	return out, nil
}

// RecordDigest records a digest period and, when payload is not empty,
// queues it to each of the watchlist's channels, in one transaction. A
// period recorded before is ErrDigestExists and queues nothing.
func (s *Store) RecordDigest(ctx context.Context, watchlistID int64, start, end time.Time, alerts int, payload string) (int, error) {
	queued := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := millis(s.now())
		r, err := tx.ExecContext(ctx, `INSERT INTO digests (watchlist_id, period_start, period_end, alerts, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (watchlist_id, period_end) DO NOTHING`, watchlistID, millis(start), millis(end), alerts, now)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return ErrDigestExists
		}
		if payload == "" {
			return nil
		}
		r, err = tx.ExecContext(ctx, `INSERT INTO deliveries (channel, kind, payload, next_attempt_at, created_at)
			SELECT c.channel, 'digest', ?, ?, ? FROM watchlist_channels c JOIN watchlists w ON w.id = c.watchlist_id
			WHERE c.watchlist_id = ? AND w.paused = 0`, payload, now, now, watchlistID)
		if err != nil {
			return err
		}
		n, _ := r.RowsAffected()
		queued = int(n)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("storage: record digest of watchlist %d: %w", watchlistID, err)
	}
	return queued, nil
}
