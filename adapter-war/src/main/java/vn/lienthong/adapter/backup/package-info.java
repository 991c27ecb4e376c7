/**
 * Owns: consistent backups of a running adapter (Decision 28 art. 19): the database first (H2 online
 * {@code BACKUP TO}, or {@code pg_dump} for PostgreSQL), then the package, attachment, inbound and key folders,
 * with a manifest of SHA-256 sums ({@code POST /admin/backup}, {@code scripts/backup.sh}; restore:
 * {@code scripts/restore.sh}). May import: audit, configuration, platform; admin lists its resource.
 * Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.backup;
