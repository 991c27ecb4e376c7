/**
 * Owns: The old-protocol (edoc) face: a thin dispatcher over one handler per SOAPAction, SwA/SOAP reading and
 * replies kept apart from them, tokens and numbers, kept thin over intake, recall and reception. May import: intake, recall, reception, directory, tracking, security, audit, vocabulary,
 * configuration, platform; only soap imports it. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.legacy;
