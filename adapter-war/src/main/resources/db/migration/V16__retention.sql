-- Retention (issue 13, Decision 28 art. 19): the signed monthly archives written by the retention job, and the
-- job's lease so that one node at a time runs it. Portable SQL: H2 2.2 and PostgreSQL 14+.

-- One row per archive file. state: WRITING (row first, then the file: a run that dies leaves a row pointing at
-- a file that may or may not exist; the next run deletes that file and marks the row ABANDONED — its documents
-- were never deleted), ARCHIVED (set in the same transaction that deletes the archived rows, so "ARCHIVED" and
-- "gone from the live store" are one fact), ABANDONED. files_pending: the package/attachment files of an
-- ARCHIVED batch are still to be removed from the data folder (done after the commit; redone by the next run).
CREATE TABLE retention_archive (
    id              VARCHAR(36) PRIMARY KEY,
    file_name       VARCHAR(300) NOT NULL,
    period          VARCHAR(7) NOT NULL,
    state           VARCHAR(12) NOT NULL,
    sha256          VARCHAR(64),
    size_bytes      BIGINT,
    documents       INTEGER NOT NULL,
    data_rows       INTEGER NOT NULL,
    files           INTEGER NOT NULL,
    audit_entries   INTEGER NOT NULL,
    audit_from_seq  BIGINT,
    audit_to_seq    BIGINT,
    files_pending   BOOLEAN NOT NULL,
    node_id         VARCHAR(200) NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    detail          VARCHAR(1000)
);
CREATE UNIQUE INDEX uq_retention_archive_file ON retention_archive (file_name);
CREATE INDEX ix_retention_archive_period ON retention_archive (period, state);

-- The job's lease: one row, claimed by a conditional update (owner = a run of a node, lease_until in the future).
-- In the database, so it holds across nodes and restarts: a node that dies keeps it until lease_until.
CREATE TABLE retention_lease (
    id           VARCHAR(20) PRIMARY KEY,
    owner        VARCHAR(250),
    lease_until  TIMESTAMP WITH TIME ZONE,
    last_run_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO retention_lease (id) VALUES ('retention');

-- Retention selects finished documents by creation time and follows related packages (recalls, statuses).
CREATE INDEX ix_document_related ON document (related_ref);
CREATE INDEX ix_inbox_document ON inbox_item (document_ref);
CREATE INDEX ix_received_document ON received_package (document_ref);
