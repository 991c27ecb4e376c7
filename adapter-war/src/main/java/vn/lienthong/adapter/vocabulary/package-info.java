/**
 * Owns: What every capability speaks: a Submission to send and a Rejection with its stable code. May import:
 * nothing of the adapter. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.vocabulary;
