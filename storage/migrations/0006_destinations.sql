-- Destinations that refused a message for good (channel not found, bot not
-- in channel, missing permission, invalid token). While refused, messages
-- to them fail at once instead of being sent; after refused_until one is
-- tried again, so a fixed channel heals by itself.
CREATE TABLE destinations (
    channel       TEXT    PRIMARY KEY,
    reason        TEXT    NOT NULL,
    refused_at    INTEGER NOT NULL,
    refused_until INTEGER NOT NULL
);
