/**
 * Owns: AdapterSettings: every setting with its default, produced for injection. May import: platform. Checked by
 * architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.configuration;
