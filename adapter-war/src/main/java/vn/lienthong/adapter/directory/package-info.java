/**
 * Owns: The agency directory as the axis publishes it, kept in sync. May import: delivery (the axis gateway),
 * platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.directory;
