-- Who a watchlist notifies, for which statements: a JSON list of
-- {"to": "slack:U…" | "slack:S…" | "discord:role:…" | "discord:user:…",
--  "types": [...], "min_confidence": 0.8}.
ALTER TABLE watchlists ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
