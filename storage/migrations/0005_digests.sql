-- Digests posted, one per watchlist and period, so a restart or a second
-- tick never posts the same period twice.
CREATE TABLE digests (
    id           INTEGER PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    period_start INTEGER NOT NULL,
    period_end   INTEGER NOT NULL,
    alerts       INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (watchlist_id, period_end)
);
CREATE INDEX alerts_watchlist_created ON alerts(watchlist_id, created_at);

-- Whether a digest watchlist posts a digest for a period with nothing in it.
ALTER TABLE watchlists ADD COLUMN post_empty INTEGER NOT NULL DEFAULT 0;
