-- Audit entries are written without locking the chain head (issue 11): a writer inserts its entry with a MAC of
-- its own content under the audit key (pending_mac) and no chain position; one chainer per moment (it holds the
-- head lock) then links pending entries into the keyed chain in order and clears pending_mac.
-- Portable SQL: H2 2.2 and PostgreSQL 14+.
ALTER TABLE audit_entry ADD COLUMN pending_mac VARCHAR(64);
