-- Recall, take-back, update and replace of documents we sent (Decision 28/2018: recall is mandatory).
-- recall_state on the original: REQUESTED (to be sent once the original is on the axis), CANCELLED_LOCALLY
-- (recalled before it left: never sent), SENT (13 and the type-1 package are queued/sent).
ALTER TABLE document ADD COLUMN recall_state VARCHAR(20);
ALTER TABLE document ADD COLUMN recall_reason VARCHAR(1000);
ALTER TABLE document ADD COLUMN recall_requested_at TIMESTAMP WITH TIME ZONE;
-- For packages that concern another document (recall, update, replace, statuses): the document they are about.
ALTER TABLE document ADD COLUMN related_ref VARCHAR(36);
CREATE INDEX ix_document_recall ON document (recall_state);
