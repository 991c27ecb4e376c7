/**
 * Owns: The audit trail: entries written in their own transaction, chained with an HMAC. May import:
 * configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.audit;
