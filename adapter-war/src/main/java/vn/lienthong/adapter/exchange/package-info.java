/**
 * Owns: The DocumentExchange SOAP face: maps WS messages onto intake, recall, reception and tracking and their
 * refusals onto faults. May import: intake, recall, reception, tracking, security, audit, vocabulary, platform;
 * only soap imports it. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.exchange;
