package vn.lienthong.adapter.backup.entity;

/**
 * What one backup wrote: its folder name under the backup folder, the database kind ({@code h2} or
 * {@code postgresql}), how many files the manifest lists and their total size.
 */
public record BackupResult(String name, String folder, String database, int files, long bytes) {
}
