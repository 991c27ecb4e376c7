/**
 * Owns: The audit trail: entries written in their own transaction (pending, no lock), linked into a keyed HMAC chain by one background chainer. May import:
 * configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.audit;
