/**
 * Owns: The old-protocol (edoc) face: SwA/SOAP 1.1 reading and replies, tokens and numbers, kept thin over intake,
 * recall and reception. May import: intake, recall, reception, directory, tracking, security, audit, vocabulary,
 * configuration, platform; only soap imports it. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.legacy;
