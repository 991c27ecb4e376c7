/**
 * Owns: Documents, recipients, attachments, status events and transport attempts, and the queries over them. May
 * import: configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.tracking;
