-- Sources, with the fetch state that makes polling polite and failures visible.
CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE,
    type             TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    kind             TEXT    NOT NULL DEFAULT 'media',
    -- config: from the config file; chat or opml: added at run time.
    origin           TEXT    NOT NULL DEFAULT 'config',
    -- The full source definition as JSON, so run-time sources survive restarts.
    spec             TEXT    NOT NULL DEFAULT '{}',
    enabled          INTEGER NOT NULL DEFAULT 1,
    etag             TEXT    NOT NULL DEFAULT '',
    last_modified    TEXT    NOT NULL DEFAULT '',
    -- NULL until the first successful poll: that poll must not flood channels.
    first_success_at INTEGER,
    last_attempt_at  INTEGER,
    last_success_at  INTEGER,
    last_error       TEXT    NOT NULL DEFAULT '',
    last_error_at    INTEGER,
    failures         INTEGER NOT NULL DEFAULT 0,
    failing_since    INTEGER,
    next_attempt_at  INTEGER,
    -- Set once a long failure has been reported, so it is reported once.
    failure_reported INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    url          TEXT    NOT NULL UNIQUE,
    guid         TEXT    NOT NULL DEFAULT '',
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    title        TEXT    NOT NULL DEFAULT '',
    summary      TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    fetched_at   INTEGER NOT NULL,
    story_id     INTEGER
);
CREATE INDEX articles_guid ON articles(guid);
CREATE INDEX articles_published ON articles(published_at);

-- Every source an article was seen in: one article, many sightings.
CREATE TABLE sightings (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    seen_at    INTEGER NOT NULL,
    PRIMARY KEY (article_id, source_id)
);

CREATE TABLE statements (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    speaker    TEXT    NOT NULL DEFAULT '',
    actor      TEXT    NOT NULL DEFAULT '',
    targets    TEXT    NOT NULL DEFAULT '[]',
    quote      TEXT    NOT NULL DEFAULT '',
    sentence   TEXT    NOT NULL DEFAULT '',
    cues       TEXT    NOT NULL DEFAULT '[]',
    confidence REAL    NOT NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX statements_type ON statements(type);

CREATE TABLE watchlists (
    id             INTEGER PRIMARY KEY,
    -- config for watchlists from the config file, else the chat platform.
    platform       TEXT    NOT NULL,
    workspace      TEXT    NOT NULL DEFAULT '',
    channel        TEXT    NOT NULL DEFAULT '',
    created_by     TEXT    NOT NULL DEFAULT '',
    name           TEXT    NOT NULL,
    query          TEXT    NOT NULL DEFAULT '',
    types          TEXT    NOT NULL DEFAULT '[]',
    actors         TEXT    NOT NULL DEFAULT '[]',
    targets        TEXT    NOT NULL DEFAULT '[]',
    min_confidence REAL    NOT NULL DEFAULT 0,
    statements     TEXT    NOT NULL DEFAULT 'required',
    mode           TEXT    NOT NULL DEFAULT 'immediate',
    schedule       TEXT    NOT NULL DEFAULT '',
    timezone       TEXT    NOT NULL DEFAULT 'UTC',
    paused         INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (platform, workspace, name)
);

CREATE TABLE watchlist_channels (
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    channel      TEXT    NOT NULL,
    PRIMARY KEY (watchlist_id, channel)
);

CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    -- Why it matched (query terms, statement positions) as JSON.
    reason       TEXT    NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL,
    UNIQUE (watchlist_id, article_id)
);

-- The outbox: one row per message owed to a channel. A row is sent only
-- after the platform confirmed it; a claim is a lease so a crash releases it.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER REFERENCES alerts(id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    kind            TEXT    NOT NULL DEFAULT 'alert',
    payload         TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT    NOT NULL DEFAULT '',
    remote_id       TEXT    NOT NULL DEFAULT '',
    nonce           TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE UNIQUE INDEX deliveries_alert_channel ON deliveries(alert_id, channel, kind) WHERE alert_id IS NOT NULL;
CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
-- Per-channel ordering looks for older pending rows of the same channel.
CREATE INDEX deliveries_channel ON deliveries(channel, status, id);

CREATE TABLE mutes (
    id         INTEGER PRIMARY KEY,
    platform   TEXT    NOT NULL,
    workspace  TEXT    NOT NULL DEFAULT '',
    channel    TEXT    NOT NULL,
    -- What is muted: a speaker, an actor country, a source, a story, a watchlist.
    scope      TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    until      INTEGER,
    created_by TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (platform, workspace, channel, scope, value)
);
