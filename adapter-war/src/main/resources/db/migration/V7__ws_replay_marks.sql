-- Replay protection of the WS-Security service (issue 9 item 3): one row per UsernameToken (nonce + created) or
-- request signature value seen while its timestamp is still acceptable. Shared by every node on this database:
-- the primary key makes "first use" an insert that fails for the second node. Rows are purged once expired.
CREATE TABLE ws_replay_mark (
    -- hex SHA-256 of the profile and the token's nonce + created, or of the signature value
    mark_key    VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ws_replay_mark_expires ON ws_replay_mark (expires_at);
