-- Exchange statistics (issue 12): the queries read a period of documents and, per document, its recipients,
-- status events and transport attempts. These indexes turn each into a range scan plus index look-ups.
-- Portable SQL: H2 2.2 and PostgreSQL 14+.

-- A period of one direction's documents (both directions, any organisation): the range scan every figure starts from.
CREATE INDEX ix_document_stats ON document (direction, message_type, created_at);
-- One recipient of one document (the counterpart filter, and the pair join) without reading the recipient row.
CREATE INDEX ix_recipient_document_organ ON recipient (document_ref, organ_id);
-- First time each recipient reported each status: index-only per (document, organisation).
CREATE INDEX ix_status_document_organ ON status_event (document_ref, organ_id, status_code, occurred_at);
-- "Had at least one failed attempt": one index probe per document.
CREATE INDEX ix_attempt_document_outcome ON transport_attempt (document_ref, outcome);
-- Refused arrivals of a period.
CREATE INDEX ix_received_time ON received_package (received_at, outcome);

-- The single-column indexes on document_ref are prefixes of the two above: dropped so every insert still
-- maintains one index per table, not two.
DROP INDEX ix_recipient_document;
DROP INDEX ix_status_document;
