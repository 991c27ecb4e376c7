-- The store at 1,000,000 documents (issues 11 and 12). Portable SQL: H2 2.2 and PostgreSQL 14+.

-- "Past its deadline without 06" (alerting.PastDeadlineRule, every alert round) filtered on due_date with no index
-- to start from: a sequential scan of every document each round (0.56 s on PostgreSQL with 1,000,000 documents,
-- measured with EXPLAIN ANALYZE; more on H2), competing with every request. With this index it reads only the
-- documents whose deadline is already past (documents without a deadline, most of them, are not in the range).
CREATE INDEX ix_document_due ON document (due_date);
