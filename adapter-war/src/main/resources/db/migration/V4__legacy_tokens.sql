-- Old e-doc.vn protocol (issue 5): per-organisation tokens (hashed), the numeric document ids old clients use,
-- and the sequence that issues them. Portable between H2 2.2 and PostgreSQL 14 (ids assigned in Java).

CREATE TABLE legacy_token (
    id            VARCHAR(36) PRIMARY KEY,
    organ_id      VARCHAR(35) NOT NULL,
    -- hex SHA-256 of salt || token; tokens are random 256-bit secrets (or imported hub tokens), so a fast hash
    -- suffices and keeps every request cheap. The token itself is never stored.
    token_salt    VARCHAR(44) NOT NULL,
    token_hash    VARCHAR(64) NOT NULL,
    enabled       BOOLEAN NOT NULL,
    issued_by     VARCHAR(100) NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_legacy_token_organ ON legacy_token (organ_id, enabled);

-- Numeric ids for old clients: one per outgoing document (document_ref) or per inbox item (inbox_item_ref).
CREATE TABLE legacy_number (
    number          BIGINT PRIMARY KEY,
    organ_id        VARCHAR(35) NOT NULL,
    document_ref    VARCHAR(36),
    inbox_item_ref  VARCHAR(36),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX uq_legacy_number_item ON legacy_number (inbox_item_ref);
CREATE INDEX ix_legacy_number_document ON legacy_number (document_ref);

CREATE TABLE legacy_counter (
    name        VARCHAR(50) PRIMARY KEY,
    next_value  BIGINT NOT NULL
);
INSERT INTO legacy_counter (name, next_value) VALUES ('document', 1);
