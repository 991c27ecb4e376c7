-- Statistics rollup (issue 12): a narrow table owned and written only by the statistics package
-- (statistics.control.StatisticsRollup), refreshed by a job from what changed since its checkpoint; the reads
-- take the rows of documents that changed since (checkpoint - settle) live from the store, so every figure stays
-- exactly what the live queries give (docs/statistics.md, "The rollup"). Portable SQL: H2 2.2 and PostgreSQL 14+.

-- One row per (document package, distinct recipient) of every EDOC package, both directions; a package without
-- any recipient has one row with organ_id NULL. lead_row = 1 on exactly one row per package (counts per package).
-- Feedback columns (first times of 01/03/06, closed/middle/arrived flags) are those of the recipient's own statuses.
CREATE TABLE stats_rollup (
    document_ref     VARCHAR(36) NOT NULL,
    organ_id         VARCHAR(35),
    direction        VARCHAR(8) NOT NULL,
    sender_organ_id  VARCHAR(35) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    business_type    INTEGER NOT NULL,
    document_type    INTEGER NOT NULL,
    priority         INTEGER NOT NULL,
    lead_row         SMALLINT NOT NULL,
    dead             SMALLINT NOT NULL,
    recalled         SMALLINT NOT NULL,
    failed           SMALLINT NOT NULL,
    due_date         DATE,
    t01              TIMESTAMP WITH TIME ZONE,
    t03              TIMESTAMP WITH TIME ZONE,
    t06              TIMESTAMP WITH TIME ZONE,
    fin              SMALLINT NOT NULL,
    mid              SMALLINT NOT NULL,
    arr              SMALLINT NOT NULL
);
-- A period of one direction: the range every read starts from.
CREATE INDEX ix_stats_rollup_period ON stats_rollup (direction, created_at);
-- Replacing the rows of the documents that changed.
CREATE INDEX ix_stats_rollup_document ON stats_rollup (document_ref);

-- The rollup's one state row: its checkpoint (every change stamped before checkpoint - settle is in the rows) and
-- the refresh job's lease (one node at a time; lease_until compared on the claimer's clock, like retention_lease).
CREATE TABLE stats_rollup_state (
    id             VARCHAR(20) PRIMARY KEY,
    checkpoint_at  TIMESTAMP WITH TIME ZONE,
    owner          VARCHAR(250),
    lease_until    TIMESTAMP WITH TIME ZONE,
    refreshed_at   TIMESTAMP WITH TIME ZONE,
    rows_written   BIGINT
);
INSERT INTO stats_rollup_state (id) VALUES ('rollup');

-- A document's state changes (DEAD, RECALLED, re-queued) are stamped in updated_at: the refresh and the reads find
-- the documents changed since a time by this index (status events and attempts have theirs since V13).
CREATE INDEX ix_document_updated ON document (updated_at);
