package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Mute silences alerts in one channel about one thing (a speaker, an actor
// country, a source, a story or a watchlist), until a time or for good.
type Mute struct {
	ID        int64
	Platform  string
	Workspace string
	Channel   string
	Scope     string
	Value     string
	Until     time.Time // zero: until removed
	CreatedBy string
	CreatedAt time.Time
}

// AddMute stores a mute, replacing the same one's expiry.
func (s *Store) AddMute(ctx context.Context, m Mute) error {
	_, err := s.exec(ctx, `INSERT INTO mutes (platform, workspace, channel, scope, value, until, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, workspace, channel, scope, value) DO UPDATE SET until = excluded.until, created_by = excluded.created_by`,
		m.Platform, m.Workspace, m.Channel, m.Scope, m.Value, nullMillis(m.Until), m.CreatedBy, millis(s.now()))
	if err != nil {
		return fmt.Errorf("storage: add mute %s=%s: %w", m.Scope, m.Value, err)
	}
	return nil
}

// RemoveMute deletes a mute; removing one that does not exist is ErrNotFound.
func (s *Store) RemoveMute(ctx context.Context, platform, workspace, channel, scope, value string) error {
	res, err := s.exec(ctx, `DELETE FROM mutes WHERE platform = ? AND workspace = ? AND channel = ? AND scope = ? AND value = ?`,
		platform, workspace, channel, scope, value)
	if err != nil {
		return fmt.Errorf("storage: remove mute %s=%s: %w", scope, value, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("storage: mute %s=%s: %w", scope, value, ErrNotFound)
	}
	return nil
}

// ActiveMutes lists the mutes of one channel that have not expired at now.
func (s *Store) ActiveMutes(ctx context.Context, platform, workspace, channel string, now time.Time) ([]Mute, error) {
	rows, err := s.query(ctx, `SELECT id, platform, workspace, channel, scope, value, until, created_by, created_at
		FROM mutes WHERE platform = ? AND workspace = ? AND channel = ? AND (until IS NULL OR until > ?) ORDER BY id`,
		platform, workspace, channel, millis(now))
	return collect(rows, err, "list mutes", func(r rowScanner) (Mute, error) {
		var m Mute
		var until, created sql.NullInt64
		err := r.Scan(&m.ID, &m.Platform, &m.Workspace, &m.Channel, &m.Scope, &m.Value, &until, &m.CreatedBy, &created)
		m.Until, m.CreatedAt = fromMillis(until), fromMillis(created)
		return m, err
	})
}
