-- Issue 9 item 1: who granted a delegated credential (an old-protocol token's client_credential 'legacy:<organ>'),
-- so the grant is re-checked at every use: 'admin' (the admin bearer token) or 'credential:<username>' (a client
-- credential, which may only grant organisations it may act for itself). NULL: a credential of its own.
-- Portable between H2 2.2 and PostgreSQL 14.

ALTER TABLE client_credential ADD COLUMN granted_by VARCHAR(120);

-- Credentials issued before this version: the issuer of the organisation's active token. Over-broad grants made
-- by a client credential before the check at issue existed are thereby refused at use (OrganisationAuthority).
UPDATE client_credential SET granted_by = (
        SELECT MAX(CASE WHEN t.issued_by = 'admin' THEN 'admin' ELSE 'credential:' || t.issued_by END)
        FROM legacy_token t
        WHERE t.enabled = TRUE AND 'legacy:' || t.organ_id = client_credential.username)
    WHERE username LIKE 'legacy:%';
-- A legacy credential without an active token cannot log in anyway; it names no grantor anyone could be.
UPDATE client_credential SET granted_by = 'credential:' WHERE username LIKE 'legacy:%' AND granted_by IS NULL;
