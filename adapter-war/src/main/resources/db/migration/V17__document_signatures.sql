-- Issue 14: the signatures inside each attachment (the signer's, which give a document its legal value), per
-- attachment and per document. Portable SQL (H2 2.2 and PostgreSQL 14+), keys assigned by the application.
-- ON DELETE CASCADE: whatever removes a document (retention) removes its signature rows with it.

-- One row per document whose attachments are (to be) verified: written PENDING in the transaction that accepts or
-- files the document, settled by the verifier after the commit (claims let several nodes share the work).
CREATE TABLE document_signature (
    document_ref   VARCHAR(36) PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
    direction      VARCHAR(8) NOT NULL,
    organ_id       VARCHAR(35) NOT NULL,        -- our organisation: the sender (OUT) or the first addressee (IN)
    scope          VARCHAR(8) NOT NULL,         -- INSIDE (every counterpart under the same top-level body) / OUTSIDE
    verdict        VARCHAR(20) NOT NULL,        -- PENDING, ESTABLISHED, NOT_ESTABLISHED, UNDETERMINED
    reason         VARCHAR(1000),
    signed         BOOLEAN NOT NULL,            -- at least one signature found in an attachment
    policy_note    VARCHAR(500),                -- the sending organisation's policy outcome (flag), else null
    accepted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at    TIMESTAMP WITH TIME ZONE,
    claimed_by     VARCHAR(200),
    claimed_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_document_signature_verdict ON document_signature (verdict, claimed_until);
CREATE INDEX ix_document_signature_month ON document_signature (accepted_at, organ_id);

-- One row per attachment once verified: the last signature's signer (the one covering the file) and the outcome.
CREATE TABLE attachment_signature (
    id                  VARCHAR(36) PRIMARY KEY,
    document_ref        VARCHAR(36) NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    attachment_ref      VARCHAR(36) NOT NULL REFERENCES stored_attachment (id) ON DELETE CASCADE,
    position_no         INTEGER NOT NULL,
    name                VARCHAR(300) NOT NULL,
    format              VARCHAR(10) NOT NULL,
    status              VARCHAR(24) NOT NULL,   -- docsig SignatureStatus of the attachment (worst of its signatures)
    legal_value         VARCHAR(20) NOT NULL,
    reason              VARCHAR(1000),
    signatures          INTEGER NOT NULL,
    signer_name         VARCHAR(300),
    signer_organisation VARCHAR(300),
    issuer              VARCHAR(500),
    signing_time        TIMESTAMP WITH TIME ZONE,
    signing_time_source VARCHAR(20)
);
CREATE INDEX ix_attachment_signature_document ON attachment_signature (document_ref);
