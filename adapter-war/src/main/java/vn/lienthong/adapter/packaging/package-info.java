/**
 * Owns: Building and signing EDXML packages from stored documents. May import: security (keys), vocabulary,
 * configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.packaging;
