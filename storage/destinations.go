package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Refusal says that a destination refused a message for good.
type Refusal struct {
	Channel string
	Reason  string
	At      time.Time
	Until   time.Time // messages fail without being sent until then
}

// RefuseDestination records that channel refused a message, until until.
// An existing refusal keeps its first time.
func (s *Store) RefuseDestination(ctx context.Context, channel, reason string, at, until time.Time) error {
	_, err := s.exec(ctx, `INSERT INTO destinations (channel, reason, refused_at, refused_until) VALUES (?, ?, ?, ?)
		ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason, refused_until = excluded.refused_until`,
		channel, reason, millis(at), millis(until))
	if err != nil {
		return fmt.Errorf("storage: refuse %s: %w", channel, err)
	}
	return nil
}

// ClearRefusal forgets a refusal: the destination accepted a message.
func (s *Store) ClearRefusal(ctx context.Context, channel string) error {
	if _, err := s.exec(ctx, `DELETE FROM destinations WHERE channel = ?`, channel); err != nil {
		return fmt.Errorf("storage: clear refusal of %s: %w", channel, err)
	}
	return nil
}

// DestinationRefusal returns the refusal recorded for channel, if any.
func (s *Store) DestinationRefusal(ctx context.Context, channel string) (Refusal, bool, error) {
	r := Refusal{Channel: channel}
	var at, until sql.NullInt64
	err := s.queryRow(ctx, `SELECT reason, refused_at, refused_until FROM destinations WHERE channel = ?`, channel).Scan(&r.Reason, &at, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return Refusal{}, false, nil
	}
	if err != nil {
		return Refusal{}, false, fmt.Errorf("storage: refusal of %s: %w", channel, err)
	}
	r.At, r.Until = fromMillis(at), fromMillis(until)
	return r, true, nil
}

// Refusals lists every refused destination, for status listings.
func (s *Store) Refusals(ctx context.Context) ([]Refusal, error) {
	rows, err := s.query(ctx, `SELECT channel, reason, refused_at, refused_until FROM destinations ORDER BY channel`)
	return collect(rows, err, "list refusals", func(r rowScanner) (Refusal, error) {
		var x Refusal
		var at, until sql.NullInt64
		err := r.Scan(&x.Channel, &x.Reason, &at, &until)
		x.At, x.Until = fromMillis(at), fromMillis(until)
		return x, err
	})
}
