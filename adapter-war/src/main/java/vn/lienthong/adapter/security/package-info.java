/**
 * Owns: Who may do what: client credentials, the one authorisation rule, key stores, replay marks, login throttle,
 * demo credentials. May import: audit, vocabulary, configuration, platform. Checked by
 * architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.security;
