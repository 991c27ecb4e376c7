-- Outbox work claiming for several nodes, crash safety, and the hash-chained audit trail.
-- Portable SQL: H2 2.2 and PostgreSQL 14+.

-- Row leases: a node sends a document only while it holds an unexpired lease on it (lease_until is compared
-- with the database clock, so nodes with skewed clocks still agree). A node that dies keeps its lease until it
-- expires; then any node may take the document over.
ALTER TABLE document ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE document ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
-- Set just before the HTTP call to the axis, cleared when its outcome is recorded. Still set on a later claim
-- means the outcome of an earlier send is unknown (the node died or the call timed out): the axis is asked
-- first, so the package is not sent twice.
ALTER TABLE document ADD COLUMN send_started_at TIMESTAMP WITH TIME ZONE;
-- When the document (re-)entered the queue; the maximum age is counted from here, so a re-queued document
-- gets a fresh allowance.
ALTER TABLE document ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
UPDATE document SET queued_at = created_at;
CREATE INDEX ix_document_lease ON document (state, lease_until);

-- Audit chain: every entry stores its position, the previous entry's hash and the hash of its own content
-- plus that previous hash. Entries written before this migration stay unchained (chain_seq NULL).
ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX uq_audit_chain_seq ON audit_entry (chain_seq);

-- The chain's head: one row, locked (SELECT ... FOR UPDATE) by every writer, so appends from several nodes
-- are serialised and the head also proves that the newest entries were not deleted.
CREATE TABLE audit_chain_head (
    id          VARCHAR(20) PRIMARY KEY,
    last_seq    BIGINT NOT NULL,
    last_hash   VARCHAR(64) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO audit_chain_head (id, last_seq, last_hash, updated_at)
VALUES ('audit', 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
