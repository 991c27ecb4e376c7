-- Keyed audit chain: entry_hash of new entries is an HMAC-SHA256 under the audit key kept in the key store
-- folder (<keys>/audit-key), never in the database, so rewriting rows and recomputing a plain SHA-256 chain is
-- detected. Entries chained before (plain SHA-256) keep chain_key_id NULL and still verify as before.
-- Portable SQL: H2 2.2 and PostgreSQL 14+.
ALTER TABLE audit_entry ADD COLUMN chain_key_id VARCHAR(32);

-- The head records where keying began and carries its own MAC (over position, newest value and that start):
-- removing newest entries or un-keying the chain cannot be hidden by editing the head.
ALTER TABLE audit_chain_head ADD COLUMN keyed_from_seq BIGINT;
ALTER TABLE audit_chain_head ADD COLUMN head_mac VARCHAR(64);
