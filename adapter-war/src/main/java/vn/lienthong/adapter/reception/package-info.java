/**
 * Owns: Receiving from the axis: the receive loop, storing and filing inbound packages, the inbox, status reports.
 * May import: directory, packaging, delivery, tracking, security, audit, vocabulary, configuration, platform;
 * never intake or recall (recall observes ReceiveRound). Checked by architecture.PackageDependenciesTest (no
 * circles).
 */
package vn.lienthong.adapter.reception;
