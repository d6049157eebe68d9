package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Source origins.
const (
	OriginConfig = "config"
	OriginChat   = "chat"
	OriginOPML   = "opml"
)

// ErrExists is returned when a name is already taken.
var ErrExists = errors.New("already exists")

// SourceDef is what defines a source: the fields a user sets.
type SourceDef struct {
	Name    string
	Type    string
	URL     string
	Kind    string
	Spec    string // the full definition as JSON
	Enabled bool
}

// Source is a stored source with its fetch state.
type Source struct {
	SourceDef
	ID              int64
	Origin          string
	ETag            string
	LastModified    string
	FirstSuccess    time.Time // zero until the first successful poll
	LastAttempt     time.Time
	LastSuccess     time.Time
	LastError       string
	LastErrorAt     time.Time
	Failures        int // consecutive
	FailingSince    time.Time
	NextAttempt     time.Time // zero when not backing off
	FailureReported bool
}

const sourceColumns = `id, name, type, url, kind, spec, enabled, origin, etag, last_modified,
	first_success_at, last_attempt_at, last_success_at, last_error, last_error_at, failures,
	failing_since, next_attempt_at, failure_reported`

func scanSource(row rowScanner) (Source, error) {
	var s Source
	var first, attempt, success, errAt, since, next sql.NullInt64
	err := row.Scan(&s.ID, &s.Name, &s.Type, &s.URL, &s.Kind, &s.Spec, &s.Enabled, &s.Origin, &s.ETag,
		&s.LastModified, &first, &attempt, &success, &s.LastError, &errAt, &s.Failures, &since, &next, &s.FailureReported)
	s.FirstSuccess, s.LastAttempt, s.LastSuccess = fromMillis(first), fromMillis(attempt), fromMillis(success)
	s.LastErrorAt, s.FailingSince, s.NextAttempt = fromMillis(errAt), fromMillis(since), fromMillis(next)
	return s, err
}

// SyncConfigSources makes the stored config sources match defs: new ones
// are created, changed ones updated by name (fetch state is kept), and
// config sources no longer listed are disabled, keeping their articles.
// Sources added from chat or OPML are left alone unless defs names them.
func (s *Store) SyncConfigSources(ctx context.Context, defs []SourceDef) error {
	now := millis(s.now())
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET enabled = 0, updated_at = ? WHERE origin = ?`, now, OriginConfig); err != nil {
			return err
		}
		for _, d := range defs {
			_, err := tx.ExecContext(ctx, `INSERT INTO sources (name, type, url, kind, spec, enabled, origin, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET type = excluded.type, url = excluded.url, kind = excluded.kind,
					spec = excluded.spec, enabled = excluded.enabled, origin = excluded.origin, updated_at = excluded.updated_at`,
				d.Name, d.Type, d.URL, d.Kind, d.Spec, d.Enabled, OriginConfig, now, now)
			if err != nil {
				return fmt.Errorf("source %s: %w", d.Name, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: sync sources: %w", err)
	}
	return nil
}

// AddSource stores a source added at run time (origin chat or opml). A
// taken name is ErrExists.
func (s *Store) AddSource(ctx context.Context, d SourceDef, origin string) (Source, error) {
	now := millis(s.now())
	res, err := s.exec(ctx, `INSERT INTO sources (name, type, url, kind, spec, enabled, origin, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		d.Name, d.Type, d.URL, d.Kind, d.Spec, d.Enabled, origin, now, now)
	if err != nil {
		return Source{}, fmt.Errorf("storage: add source %s: %w", d.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Source{}, fmt.Errorf("storage: add source %s: %w", d.Name, ErrExists)
	}
	return s.Source(ctx, d.Name)
}

// SetSourceEnabled enables or disables a source by name.
func (s *Store) SetSourceEnabled(ctx context.Context, name string, enabled bool) error {
	res, err := s.exec(ctx, `UPDATE sources SET enabled = ?, updated_at = ? WHERE name = ?`, enabled, millis(s.now()), name)
	if err != nil {
		return fmt.Errorf("storage: enable source %s: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("storage: source %s: %w", name, ErrNotFound)
	}
	return nil
}

// Sources lists every source, by name.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	rows, err := s.query(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY name`)
	return collect(rows, err, "list sources", scanSource)
}

// Source returns one source by name.
func (s *Store) Source(ctx context.Context, name string) (Source, error) {
	src, err := scanSource(s.queryRow(ctx, `SELECT `+sourceColumns+` FROM sources WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, fmt.Errorf("storage: source %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return Source{}, fmt.Errorf("storage: source %s: %w", name, err)
	}
	return src, nil
}

// PollOutcome is what a successful poll records about its source.
type PollOutcome struct {
	ETag         string
	LastModified string
	At           time.Time
}

func recordSuccess(ctx context.Context, tx *sql.Tx, name string, o PollOutcome) error {
	at := millis(o.At)
	res, err := tx.ExecContext(ctx, `UPDATE sources SET etag = ?, last_modified = ?,
		first_success_at = COALESCE(first_success_at, ?), last_attempt_at = ?, last_success_at = ?,
		failures = 0, failing_since = NULL, next_attempt_at = NULL, failure_reported = 0, updated_at = ?
		WHERE name = ?`, o.ETag, o.LastModified, at, at, at, at, name)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %s: %w", name, ErrNotFound)
	}
	return nil
}

// RecordPollSuccess records a poll that brought nothing to store (a 304).
func (s *Store) RecordPollSuccess(ctx context.Context, name string, o PollOutcome) error {
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return recordSuccess(ctx, tx, name, o) }); err != nil {
		return fmt.Errorf("storage: record poll of %s: %w", name, err)
	}
	return nil
}

// RecordPollFailure records a failed poll and when to try next, and returns
// the source as now stored (with its consecutive failure count).
func (s *Store) RecordPollFailure(ctx context.Context, name, msg string, at, next time.Time) (Source, error) {
	a := millis(at)
	res, err := s.exec(ctx, `UPDATE sources SET last_attempt_at = ?, last_error = ?, last_error_at = ?,
		failures = failures + 1, failing_since = COALESCE(failing_since, ?), next_attempt_at = ?, updated_at = ?
		WHERE name = ?`, a, msg, a, a, nullMillis(next), a, name)
	if err != nil {
		return Source{}, fmt.Errorf("storage: record failure of %s: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Source{}, fmt.Errorf("storage: record failure of %s: %w", name, ErrNotFound)
	}
	return s.Source(ctx, name)
}

// MarkFailureReported notes that a long failure was reported, so it is
// reported once until the source recovers.
func (s *Store) MarkFailureReported(ctx context.Context, name string) error {
	if _, err := s.exec(ctx, `UPDATE sources SET failure_reported = 1 WHERE name = ?`, name); err != nil {
		return fmt.Errorf("storage: mark failure reported for %s: %w", name, err)
	}
	return nil
}
