package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// PlatformConfig owns the watchlists defined in the config file.
const PlatformConfig = "config"

// Watchlist is a stored watchlist with its owner and channels.
type Watchlist struct {
	ID            int64
	Platform      string // config, slack or discord
	Workspace     string // Slack team or Discord guild; empty for config
	Channel       string // the channel it was created in; empty for config
	CreatedBy     string
	Name          string
	Query         string
	Types         []string
	Actors        []string
	Targets       []string
	MinConfidence float64
	Statements    string // required or any
	Mode          string // immediate or digest
	Schedule      string
	Timezone      string
	Paused        bool
	Channels      []string // destinations: slack:ID, discord:ID, console
	Mentions      []Mention
	PostEmpty     bool // a digest watchlist posts even an empty digest
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Mention is who an alert notifies, for which statements.
type Mention struct {
	To            string   `json:"to"` // slack:U…, slack:S…, discord:role:…, discord:user:…
	Types         []string `json:"types,omitempty"`
	MinConfidence float64  `json:"min_confidence,omitempty"`
}

const watchlistColumns = `id, platform, workspace, channel, created_by, name, query, types, actors, targets,
	min_confidence, statements, mode, schedule, timezone, paused, mentions, post_empty, created_at, updated_at`

func scanWatchlist(row rowScanner) (Watchlist, error) {
	var w Watchlist
	var types, actors, targets, mentions string
	var created, updated sql.NullInt64
	err := row.Scan(&w.ID, &w.Platform, &w.Workspace, &w.Channel, &w.CreatedBy, &w.Name, &w.Query, &types, &actors, &targets,
		&w.MinConfidence, &w.Statements, &w.Mode, &w.Schedule, &w.Timezone, &w.Paused, &mentions, &w.PostEmpty, &created, &updated)
	w.Types, w.Actors, w.Targets = decodeList(types), decodeList(actors), decodeList(targets)
	if err == nil && mentions != "" {
		if jerr := json.Unmarshal([]byte(mentions), &w.Mentions); jerr != nil {
			err = fmt.Errorf("watchlist %d mentions: %w", w.ID, jerr)
		}
	}
	w.CreatedAt, w.UpdatedAt = fromMillis(created), fromMillis(updated)
	return w, err
}

// SaveWatchlist creates the watchlist or updates the one with the same
// owner and name, replacing its channels. It returns the stored row.
func (s *Store) SaveWatchlist(ctx context.Context, w Watchlist) (Watchlist, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = saveWatchlist(ctx, tx, w, millis(s.now()))
		return err
	})
	if err != nil {
		return Watchlist{}, fmt.Errorf("storage: save watchlist %s: %w", w.Name, err)
	}
	return s.Watchlist(ctx, id)
}

func saveWatchlist(ctx context.Context, tx *sql.Tx, w Watchlist, now int64) (int64, error) {
	var id int64
	mentions, err := json.Marshal(w.Mentions)
	if err != nil {
		return 0, err
	}
	if w.Mentions == nil {
		mentions = []byte("[]")
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO watchlists (platform, workspace, channel, created_by, name, query, types, actors, targets,
			min_confidence, statements, mode, schedule, timezone, paused, mentions, post_empty, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, workspace, name) DO UPDATE SET channel = excluded.channel, query = excluded.query,
			types = excluded.types, actors = excluded.actors, targets = excluded.targets, min_confidence = excluded.min_confidence,
			statements = excluded.statements, mode = excluded.mode, schedule = excluded.schedule, timezone = excluded.timezone,
			paused = excluded.paused, mentions = excluded.mentions, post_empty = excluded.post_empty, updated_at = excluded.updated_at
		RETURNING id`,
		w.Platform, w.Workspace, w.Channel, w.CreatedBy, w.Name, w.Query, encodeList(w.Types), encodeList(w.Actors), encodeList(w.Targets),
		w.MinConfidence, w.Statements, w.Mode, w.Schedule, w.Timezone, w.Paused, string(mentions), w.PostEmpty, now, now).Scan(&id)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM watchlist_channels WHERE watchlist_id = ?`, id); err != nil {
		return 0, err
	}
	for _, c := range w.Channels {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO watchlist_channels (watchlist_id, channel) VALUES (?, ?)`, id, c); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// SyncConfigWatchlists makes the config-owned watchlists match ws: created
// or updated by name, never duplicated; config watchlists no longer listed
// are deleted with their alerts.
func (s *Store) SyncConfigWatchlists(ctx context.Context, ws []Watchlist) error {
	now := millis(s.now())
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		keep := map[int64]bool{}
		for _, w := range ws {
			w.Platform, w.Workspace = PlatformConfig, ""
			id, err := saveWatchlist(ctx, tx, w, now)
			if err != nil {
				return fmt.Errorf("watchlist %s: %w", w.Name, err)
			}
			keep[id] = true
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM watchlists WHERE platform = ?`, PlatformConfig)
		if err != nil {
			return err
		}
		var stale []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if !keep[id] {
				stale = append(stale, id)
			}
		}
		rows.Close()
		for _, id := range stale {
			if _, err := tx.ExecContext(ctx, `DELETE FROM watchlists WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("storage: sync watchlists: %w", err)
	}
	return nil
}

// Watchlists lists every watchlist with its channels, by id.
func (s *Store) Watchlists(ctx context.Context) ([]Watchlist, error) {
	rows, err := s.query(ctx, `SELECT `+watchlistColumns+` FROM watchlists ORDER BY id`)
	out, err := collect(rows, err, "list watchlists", scanWatchlist)
	if err != nil {
		return nil, err
	}
	chans, err := s.allChannels(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Channels = chans[out[i].ID]
	}
	return out, nil
}

// Watchlist returns one watchlist by id.
func (s *Store) Watchlist(ctx context.Context, id int64) (Watchlist, error) {
	w, err := scanWatchlist(s.queryRow(ctx, `SELECT `+watchlistColumns+` FROM watchlists WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Watchlist{}, fmt.Errorf("storage: watchlist %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Watchlist{}, fmt.Errorf("storage: watchlist %d: %w", id, err)
	}
	rows, err := s.query(ctx, `SELECT channel FROM watchlist_channels WHERE watchlist_id = ? ORDER BY channel`, id)
	w.Channels, err = collect(rows, err, fmt.Sprintf("watchlist %d channels", id), func(r rowScanner) (string, error) {
		var c string
		return c, r.Scan(&c)
	})
	return w, err
}

func (s *Store) allChannels(ctx context.Context) (map[int64][]string, error) {
	rows, err := s.query(ctx, `SELECT watchlist_id, channel FROM watchlist_channels ORDER BY watchlist_id, channel`)
	if err != nil {
		return nil, fmt.Errorf("storage: watchlist channels: %w", err)
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return nil, fmt.Errorf("storage: watchlist channels: %w", err)
		}
		out[id] = append(out[id], c)
	}
	return out, rows.Err()
}

// DeleteWatchlist removes a watchlist with its alerts and pending deliveries.
func (s *Store) DeleteWatchlist(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM watchlists WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("storage: delete watchlist %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("storage: delete watchlist %d: %w", id, ErrNotFound)
	}
	return nil
}

// SetWatchlistPaused pauses or resumes a watchlist.
func (s *Store) SetWatchlistPaused(ctx context.Context, id int64, paused bool) error {
	res, err := s.exec(ctx, `UPDATE watchlists SET paused = ?, updated_at = ? WHERE id = ?`, paused, millis(s.now()), id)
	if err != nil {
		return fmt.Errorf("storage: pause watchlist %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("storage: pause watchlist %d: %w", id, ErrNotFound)
	}
	return nil
}
