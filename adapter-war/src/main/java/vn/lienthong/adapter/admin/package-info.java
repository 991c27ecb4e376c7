/**
 * Owns: The admin REST face (/admin): authentication by client certificate or token, reads of the audit trail,
 * outbox and store counts; every call audited. May import: audit, delivery, tracking, statistics, security, configuration,
 * platform; nothing imports admin. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.admin;
