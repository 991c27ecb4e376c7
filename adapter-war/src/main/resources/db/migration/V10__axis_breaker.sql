-- The outbox's circuit breaker per axis endpoint, shared by all nodes (issue 16). Portable: H2 2.2, PostgreSQL 14+.
-- No row means CLOSED. OPEN: nobody sends documents, one node at a time probes the axis when next_probe_at has
-- passed (it pushes next_probe_at on before probing, under SELECT ... FOR UPDATE). HALF_OPEN: a probe succeeded,
-- documents are tried again; the first successful send closes the breaker.
CREATE TABLE axis_breaker (
    endpoint      VARCHAR(500) PRIMARY KEY,
    state         VARCHAR(16) NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE,
    next_probe_at TIMESTAMP WITH TIME ZONE,
    failed_probes INTEGER NOT NULL,
    alerted       BOOLEAN NOT NULL,
    last_error    VARCHAR(1000),
    -- The last document whose send failed because of the axis (document.id): skipped by a half-open trial when
    -- others wait, and if it fails again after the axis has accepted other documents, the package is to blame.
    suspect_doc   VARCHAR(100),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Set when a document waits because the axis failed (not the document): such documents are made due at once
-- when the breaker closes; a document's own backoff (axis_deferred FALSE) stays.
ALTER TABLE document ADD COLUMN axis_deferred BOOLEAN DEFAULT FALSE NOT NULL;
