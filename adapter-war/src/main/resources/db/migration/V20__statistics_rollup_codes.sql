-- Statistics in one pass per direction (issue 12): the document types and urgencies the rollup holds, so that a
-- request counts them as columns of ONE aggregate per row key (conditional sums) instead of a second grouping
-- pass over the rollup. Written only by statistics.control.StatisticsRollup (codes are added, never removed: a code
-- no longer present just counts zero and is not shown). A code the table does not know yet (a document changed
-- since the last refresh) is detected by the request, which then counts the old way: never a wrong figure.
-- Portable SQL: H2 2.2 and PostgreSQL 14+.
CREATE TABLE stats_rollup_code (
    kind  VARCHAR(16) NOT NULL,
    code  INTEGER NOT NULL,
    PRIMARY KEY (kind, code)
);
INSERT INTO stats_rollup_code (kind, code) SELECT DISTINCT 'document_type', document_type FROM stats_rollup;
INSERT INTO stats_rollup_code (kind, code) SELECT DISTINCT 'priority', priority FROM stats_rollup;
