/**
 * Owns: the retention policy (issue 13, Decision 28 art. 19; off by default): finished documents older than
 * {@code adapter.retention.months} are written into signed, self-verifying monthly archives
 * ({@code edxml.archive.SignedArchive}: packages, attachments, raw inbound packages, their rows, the month's audit
 * segment, a signed manifest), the archive is verified with the code {@code edxml-cli verify-archive} runs, and only
 * then the documents are deleted from the live store, one transaction per batch (table {@code retention_archive},
 * lease {@code retention_lease}, {@code /admin/retention}; {@code docs/retention.md}). Audit entries are kept.
 * May import: audit, security, configuration, platform. Reads the tables of tracking, reception, legacy and
 * alerting by SQL only (no import), so none of them depends on it. Checked by architecture.PackageDependenciesTest.
 */
package vn.lienthong.adapter.retention;
