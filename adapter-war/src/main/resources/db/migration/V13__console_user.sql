-- Issue 12: people who sign in to the operations console (/console). Passwords only as salted PBKDF2 hashes
-- (security.control.PasswordHasher). role: administrator | operator | viewer. organ_ids: comma-separated
-- organisations the user may see and act for; '*' = all (administrators). Portable between H2 2.2 and PostgreSQL 14.

CREATE TABLE console_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20) NOT NULL,
    organ_ids     VARCHAR(2000) NOT NULL,
    enabled       BOOLEAN NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The console's dashboard counts per day and its document list (newest first) read these by time range; the
-- organisation scope of non-administrators and completeness per counterpart read recipients by organisation.
CREATE INDEX ix_console_document_created ON document (created_at);
CREATE INDEX ix_console_attempt_time ON transport_attempt (attempted_at);
CREATE INDEX ix_console_status_recorded ON status_event (recorded_at);
CREATE INDEX ix_console_recipient_organ ON recipient (organ_id, document_ref);
