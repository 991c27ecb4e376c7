-- Alerts (issue 13). Portable: H2 2.2, PostgreSQL 14+.
-- One row per raised alert. alert_key = rule + '|' + subject (a document, recipient, organisation, key...).
-- open_key equals alert_key while the alert is OPEN or ACKNOWLEDGED and is NULL once RESOLVED: its unique
-- constraint lets every node try to raise the same alert while only one row can ever be open for a key
-- (NULLs are distinct in both databases, so resolved alerts of the same key are kept as history).
CREATE TABLE alert (
    id              VARCHAR(36) PRIMARY KEY,
    alert_key       VARCHAR(400) NOT NULL,
    open_key        VARCHAR(400),
    rule_id         VARCHAR(40) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    organ_id        VARCHAR(35),
    state           VARCHAR(16) NOT NULL,
    message_vi      VARCHAR(2000) NOT NULL,
    message_en      VARCHAR(2000) NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Notices (first notice and reminders) sent so far; a node claims the next one with a conditional update on
    -- this count, so two nodes cannot both send it.
    notices_sent    INTEGER NOT NULL,
    next_notice_at  TIMESTAMP WITH TIME ZONE,
    last_notice_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(100),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    -- A "resolved" notice is still to be sent (claimed by the node that sets it back to FALSE).
    resolution_due  BOOLEAN NOT NULL,
    CONSTRAINT uq_alert_open UNIQUE (open_key)
);
CREATE INDEX ix_alert_due ON alert (state, next_notice_at);
CREATE INDEX ix_alert_rule ON alert (rule_id, state);
CREATE INDEX ix_alert_organ ON alert (organ_id, state);

-- Who receives an organisation's alerts: its records clerk(s) and technical staff (Lai Châu letter, item 3).
CREATE TABLE alert_contact (
    id           VARCHAR(36) PRIMARY KEY,
    organ_id     VARCHAR(35) NOT NULL,
    role         VARCHAR(20) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    webhook_url  VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_alert_contact_organ ON alert_contact (organ_id);

-- Progress of incremental checks shared by the nodes (the audit chain: last verified position and its hash).
CREATE TABLE alert_checkpoint (
    name         VARCHAR(40) PRIMARY KEY,
    position     BIGINT NOT NULL,
    hash         VARCHAR(128),
    checked_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO alert_checkpoint (name, position) VALUES ('audit-chain', 0);
INSERT INTO alert_checkpoint (name, position) VALUES ('audit-chain-full', 0);
