-- Inbound reception, status packages as outbox rows, the organisation directory.

-- One idempotency key per document row instead of a fixed column set: outgoing documents are keyed by
-- (sender, DocumentId, business type), outgoing status packages are all distinct, incoming packages by
-- (sender, DocumentId, business type, package hash) — spec edxml-qcvn102.md §5.4.
ALTER TABLE document DROP CONSTRAINT uq_document_sender_docid;
ALTER TABLE document ADD COLUMN message_type VARCHAR(8) DEFAULT 'EDOC' NOT NULL;
ALTER TABLE document ADD COLUMN status_code VARCHAR(2);
ALTER TABLE document ADD COLUMN status_description VARCHAR(1000);
ALTER TABLE document ADD COLUMN dedup_key VARCHAR(700);
UPDATE document SET dedup_key = direction || '|EDOC|' || sender_organ_id || '|' || document_id || '|' || business_type;
ALTER TABLE document ALTER COLUMN dedup_key SET NOT NULL;
CREATE UNIQUE INDEX uq_document_dedup ON document (dedup_key);
CREATE INDEX ix_document_lookup ON document (direction, sender_organ_id, document_id);

-- Every package fetched from the axis, whatever became of it: evidence (hash) and duplicate recognition.
CREATE TABLE received_package (
    id             VARCHAR(36) PRIMARY KEY,
    axis_doc_id    VARCHAR(100) NOT NULL,
    message_type   VARCHAR(8) NOT NULL,
    sha256         VARCHAR(64),
    size_bytes     BIGINT,
    storage_path   VARCHAR(500),
    from_organ_id  VARCHAR(35),
    document_id    VARCHAR(255),
    signature      VARCHAR(30),
    outcome        VARCHAR(20) NOT NULL,
    detail         VARCHAR(1000),
    document_ref   VARCHAR(36),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX uq_received_axis_doc ON received_package (message_type, axis_doc_id);
CREATE INDEX ix_received_sha ON received_package (sha256);

-- What each of our organisations' legacy clients still has to pick up: new documents and statuses.
CREATE TABLE inbox_item (
    id             VARCHAR(36) PRIMARY KEY,
    organ_id       VARCHAR(35) NOT NULL,
    kind           VARCHAR(8) NOT NULL,
    document_ref   VARCHAR(36) NOT NULL REFERENCES document (id),
    status_event_ref VARCHAR(36),
    state          VARCHAR(12) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_inbox_pending ON inbox_item (organ_id, kind, state);

-- The axis agency directory: QCVN 102 codes and QD 20/2020 codes side by side; history kept (valid_to).
CREATE TABLE organisation (
    id             VARCHAR(36) PRIMARY KEY,
    code           VARCHAR(35) NOT NULL,
    old_code       VARCHAR(35),
    name           VARCHAR(500),
    parent_code    VARCHAR(35),
    mail           VARCHAR(200),
    source         VARCHAR(20) NOT NULL,
    synced_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX uq_organisation_code ON organisation (source, code);
CREATE INDEX ix_organisation_old ON organisation (old_code);
