/**
 * Owns: Accepting a submission: validation, idempotency, storing the document and its signed package before the
 * answer. May import: packaging, tracking, security, audit, vocabulary, configuration, platform; never a face.
 * Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.intake;
