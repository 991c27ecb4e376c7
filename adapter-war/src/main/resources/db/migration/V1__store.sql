-- Store of the adapter. Portable SQL: runs unchanged on H2 2.2 (embedded default) and PostgreSQL 14+.
-- Keys are UUID strings assigned by the application (no IDENTITY columns: broken with EclipseLink on H2,
-- and application-assigned keys let several nodes insert without coordination).

CREATE TABLE client_credential (
    username            VARCHAR(100) PRIMARY KEY,
    password_hash       VARCHAR(200) NOT NULL,
    organ_ids           VARCHAR(2000) NOT NULL,
    certificate_subject VARCHAR(500),
    enabled             BOOLEAN NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE document (
    id                 VARCHAR(36) PRIMARY KEY,
    direction          VARCHAR(8) NOT NULL,
    document_id        VARCHAR(255) NOT NULL,
    sender_organ_id    VARCHAR(35) NOT NULL,
    client_message_id  VARCHAR(100),
    submitted_by       VARCHAR(100),
    code_number        VARCHAR(50),
    code_notation      VARCHAR(100),
    subject            VARCHAR(2000),
    priority           INTEGER NOT NULL,
    business_type      INTEGER NOT NULL,
    promulgation_date  DATE,
    state              VARCHAR(20) NOT NULL,
    package_path       VARCHAR(500),
    package_sha256     VARCHAR(64),
    axis_doc_id        VARCHAR(100),
    attempts           INTEGER NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT uq_document_sender_docid UNIQUE (direction, sender_organ_id, document_id)
);
CREATE INDEX ix_document_outbox ON document (state, next_attempt_at);
CREATE UNIQUE INDEX uq_document_client_msg ON document (submitted_by, client_message_id);

CREATE TABLE recipient (
    id                VARCHAR(36) PRIMARY KEY,
    document_ref      VARCHAR(36) NOT NULL REFERENCES document (id),
    organ_id          VARCHAR(35) NOT NULL,
    organ_name        VARCHAR(300),
    status_code       VARCHAR(2),
    status_description VARCHAR(1000),
    status_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_recipient_document ON recipient (document_ref);

CREATE TABLE stored_attachment (
    id            VARCHAR(36) PRIMARY KEY,
    document_ref  VARCHAR(36) NOT NULL REFERENCES document (id),
    position_no   INTEGER NOT NULL,
    name          VARCHAR(300) NOT NULL,
    content_type  VARCHAR(200),
    description   VARCHAR(500),
    size_bytes    BIGINT NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    storage_path  VARCHAR(500) NOT NULL
);
CREATE INDEX ix_attachment_document ON stored_attachment (document_ref);

CREATE TABLE status_event (
    id            VARCHAR(36) PRIMARY KEY,
    document_ref  VARCHAR(36) NOT NULL REFERENCES document (id),
    organ_id      VARCHAR(35) NOT NULL,
    status_code   VARCHAR(2) NOT NULL,
    description   VARCHAR(1000),
    staff         VARCHAR(200),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_status_document ON status_event (document_ref);

CREATE TABLE transport_attempt (
    id            VARCHAR(36) PRIMARY KEY,
    document_ref  VARCHAR(36) NOT NULL REFERENCES document (id),
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(20) NOT NULL,
    detail        VARCHAR(1000)
);
CREATE INDEX ix_attempt_document ON transport_attempt (document_ref);

CREATE TABLE audit_entry (
    id            VARCHAR(36) PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100),
    action        VARCHAR(50) NOT NULL,
    organ_id      VARCHAR(35),
    outcome       VARCHAR(20) NOT NULL,
    code          VARCHAR(100),
    detail        VARCHAR(1000)
);
CREATE INDEX ix_audit_time ON audit_entry (occurred_at);
