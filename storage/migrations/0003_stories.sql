-- Stories: near-duplicate articles from many outlets grouped as one, so a
-- watchlist alerts once per story and later reports update that alert.
CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL DEFAULT '',
    language      TEXT    NOT NULL DEFAULT '',
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL
);

-- The article's story fingerprint, to rebuild the grouping index at start.
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
CREATE INDEX articles_story ON articles(story_id);

-- One alert per (watchlist, story).
ALTER TABLE alerts ADD COLUMN story_id INTEGER REFERENCES stories(id);
CREATE UNIQUE INDEX alerts_watchlist_story ON alerts(watchlist_id, story_id) WHERE story_id IS NOT NULL;

-- The articles an alert has shown: the first, then each one that brought a
-- new statement and was posted in the alert's thread.
CREATE TABLE alert_articles (
    alert_id   INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, article_id)
);

-- Articles stored before stories existed are each their own story.
INSERT INTO stories (id, title, language, first_seen_at, last_seen_at)
    SELECT id, title, language, fetched_at, fetched_at FROM articles;
UPDATE articles SET story_id = id;
UPDATE alerts SET story_id = article_id;
INSERT INTO alert_articles (alert_id, article_id) SELECT id, article_id FROM alerts;

-- Deliveries now also update a posted alert (kind update) or reply in its
-- thread with a later article (kind reply, article_id).
ALTER TABLE deliveries ADD COLUMN article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE;
DROP INDEX deliveries_alert_channel;
CREATE UNIQUE INDEX deliveries_alert_once ON deliveries(alert_id, channel) WHERE kind = 'alert';
