-- Operational notices (a source failing for a day, a destination refusing
-- messages, a watchlist that no longer compiles) go through the outbox
-- like alerts. The key makes each notice once: a second one with the same
-- key is not queued.
ALTER TABLE deliveries ADD COLUMN notice_key TEXT;
CREATE UNIQUE INDEX deliveries_notice_key ON deliveries(notice_key) WHERE notice_key IS NOT NULL;
