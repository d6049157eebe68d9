package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Delivery kinds.
const (
	KindAlert  = "alert"  // a new alert
	KindUpdate = "update" // edit a posted alert: more outlets carry its story
	KindReply  = "reply"  // a later article with a new statement, in the alert's thread
	KindNotice = "notice" // an operational notice
)

// Delivery states.
const (
	DeliveryPending = "pending" // waiting to be sent, or being sent under a lease
	DeliverySent    = "sent"    // the platform confirmed it
	DeliveryFailed  = "failed"  // a permanent error; not retried
)

// Delivery is one outbox row: a message owed to one channel.
type Delivery struct {
	ID          int64
	AlertID     int64
	ArticleID   int64 // for a reply: the later article
	Channel     string
	Kind        string
	Payload     string
	Status      string
	Attempts    int // including the current one, once claimed
	NextAttempt time.Time
	LastError   string
	RemoteID    string
	CreatedAt   time.Time
	SentAt      time.Time
}

const deliveryColumns = `id, COALESCE(alert_id, 0), COALESCE(article_id, 0), channel, kind, payload, status, attempts, next_attempt_at,
	last_error, remote_id, created_at, sent_at`

func scanDelivery(row rowScanner) (Delivery, error) {
	var d Delivery
	var next, created, sent sql.NullInt64
	err := row.Scan(&d.ID, &d.AlertID, &d.ArticleID, &d.Channel, &d.Kind, &d.Payload, &d.Status, &d.Attempts, &next, &d.LastError, &d.RemoteID, &created, &sent)
	d.NextAttempt, d.CreatedAt, d.SentAt = fromMillis(next), fromMillis(created), fromMillis(sent)
	return d, err
}

// ClaimDeliveries leases due deliveries for lease and returns them oldest
// first: up to limit in all and perChannel per channel. A channel's
// deliveries are handed out in order: none is claimed while an older one of
// the same channel waits for a retry or is leased. Updates of posted alerts
// wait on purpose (to gather outlets) and hold nothing back. A lease that runs out
// (the process died mid-send) makes the row due again, so a crash never
// loses a delivery.
func (s *Store) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit, perChannel int) ([]Delivery, error) {
	var out []Delivery
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = nil
		n := millis(now)
		rows, err := tx.QueryContext(ctx, `UPDATE deliveries SET lease_until = ?1, attempts = attempts + 1
			WHERE id IN (
				SELECT id FROM (
					SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.channel ORDER BY d.id) AS rn
					FROM deliveries d
					WHERE d.status = 'pending' AND d.next_attempt_at <= ?2 AND (d.lease_until IS NULL OR d.lease_until <= ?2)
					AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.channel = d.channel AND o.status = 'pending'
						AND o.id < d.id AND ((o.next_attempt_at > ?2 AND o.kind <> 'update') OR o.lease_until > ?2)))
				WHERE rn <= ?3 ORDER BY id LIMIT ?4)
			RETURNING `+deliveryColumns, millis(now.Add(lease)), n, perChannel, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDelivery(rows)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("storage: claim deliveries: %w", err)
	}
	// RETURNING does not promise an order.
	slices.SortFunc(out, func(a, b Delivery) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// ReleaseLeases takes back every lease, for the process holding Lock at
// start: a lease still set then was left by a process that died mid-send,
// and waiting for it to run out would hold alerts back for minutes.
func (s *Store) ReleaseLeases(ctx context.Context) (int, error) {
	res, err := s.exec(ctx, `UPDATE deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until IS NOT NULL`)
	if err != nil {
		return 0, fmt.Errorf("storage: release leases: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// ReleaseDeliveries gives claimed deliveries back unsent, without counting
// the attempt: they were held back (shutdown, or an older message of their
// channel must be retried first), not tried.
func (s *Store) ReleaseDeliveries(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if err := s.updateDelivery(ctx, id, `UPDATE deliveries SET lease_until = NULL, attempts = MAX(attempts - 1, 0) WHERE id = ? AND status = 'pending'`, id); err != nil {
			return err
		}
	}
	return nil
}

// MarkDelivered records the platform's confirmation of a delivery.
func (s *Store) MarkDelivered(ctx context.Context, id int64, remoteID string, at time.Time) error {
	return s.updateDelivery(ctx, id, `UPDATE deliveries SET status = 'sent', remote_id = ?, sent_at = ?, lease_until = NULL, last_error = '' WHERE id = ?`,
		remoteID, millis(at), id)
}

// MarkRetry releases a delivery to be tried again at next.
func (s *Store) MarkRetry(ctx context.Context, id int64, msg string, next time.Time) error {
	return s.updateDelivery(ctx, id, `UPDATE deliveries SET next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE id = ?`,
		millis(next), msg, id)
}

// MarkFailed records a permanent failure; the delivery is not retried.
func (s *Store) MarkFailed(ctx context.Context, id int64, msg string) error {
	return s.updateDelivery(ctx, id, `UPDATE deliveries SET status = 'failed', last_error = ?, lease_until = NULL WHERE id = ?`, msg, id)
}

func (s *Store) updateDelivery(ctx context.Context, id int64, q string, args ...any) error {
	res, err := s.exec(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("storage: delivery %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("storage: delivery %d: %w", id, ErrNotFound)
	}
	return nil
}

// Deliveries lists deliveries in a status, oldest first.
func (s *Store) Deliveries(ctx context.Context, status string) ([]Delivery, error) {
	rows, err := s.query(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE status = ? ORDER BY id`, status)
	return collect(rows, err, "list deliveries", scanDelivery)
}

// EnqueueNotice queues an operational notice to channel, once per key: a
// notice whose key was queued before is not queued again. It reports
// whether it queued one.
func (s *Store) EnqueueNotice(ctx context.Context, channel, key, text string, at time.Time) (bool, error) {
	res, err := s.exec(ctx, `INSERT INTO deliveries (channel, kind, payload, notice_key, next_attempt_at, created_at)
		VALUES (?, 'notice', ?, ?, ?, ?) ON CONFLICT (notice_key) WHERE notice_key IS NOT NULL DO NOTHING`,
		channel, text, key, millis(at), millis(at))
	if err != nil {
		return false, fmt.Errorf("storage: queue notice %s: %w", key, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// AlertContent is what a message about one alert is rendered from.
type AlertContent struct {
	AlertID   int64
	StoryID   int64
	Watchlist Watchlist
	Article   StoredArticle // the alert's article, or a reply's later article
	Reason    string        // JSON explaining the match
	SeenIn    []string      // every source that carried the story, first first
	CreatedAt time.Time
}

// AlertContent loads what the deliverer renders for an alert.
func (s *Store) AlertContent(ctx context.Context, alertID int64) (AlertContent, error) {
	return s.DeliveryContent(ctx, Delivery{AlertID: alertID, Kind: KindAlert})
}

// DeliveryContent loads what the deliverer renders for a delivery: the
// alert with its story's outlets and, for a reply, the later article.
func (s *Store) DeliveryContent(ctx context.Context, d Delivery) (AlertContent, error) {
	var c AlertContent
	var watchlistID, articleID int64
	var storyID sql.NullInt64
	var created sql.NullInt64
	err := s.queryRow(ctx, `SELECT id, watchlist_id, article_id, story_id, reason, created_at FROM alerts WHERE id = ?`, d.AlertID).
		Scan(&c.AlertID, &watchlistID, &articleID, &storyID, &c.Reason, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("storage: alert %d: %w", d.AlertID, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("storage: alert %d: %w", d.AlertID, err)
	}
	c.CreatedAt, c.StoryID = fromMillis(created), storyID.Int64
	if d.Kind == KindReply && d.ArticleID != 0 {
		articleID = d.ArticleID
	}
	if c.Watchlist, err = s.Watchlist(ctx, watchlistID); err != nil {
		return c, err
	}
	if c.Article, err = s.Article(ctx, articleID); err != nil {
		return c, err
	}
	rows, err := s.query(ctx, `SELECT src.name FROM sightings si JOIN articles a ON a.id = si.article_id
		JOIN sources src ON src.id = si.source_id WHERE a.story_id = ?
		GROUP BY src.name ORDER BY MIN(si.seen_at), src.name`, c.StoryID)
	c.SeenIn, err = collect(rows, err, fmt.Sprintf("outlets of story %d", c.StoryID), func(r rowScanner) (string, error) {
		var n string
		return n, r.Scan(&n)
	})
	return c, err
}

// PostedMessage returns the platform's ID of an alert's message in a
// channel, or "" when it has not been confirmed sent.
func (s *Store) PostedMessage(ctx context.Context, alertID int64, channel string) (string, error) {
	var id string
	err := s.queryRow(ctx, `SELECT remote_id FROM deliveries WHERE alert_id = ? AND channel = ? AND kind = 'alert' AND status = 'sent'`,
		alertID, channel).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("storage: posted message of alert %d: %w", alertID, err)
	}
	return id, nil
}
