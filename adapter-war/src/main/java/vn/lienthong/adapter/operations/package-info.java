/**
 * Owns: what operators watch from outside: MicroProfile Health checks (liveness; readiness = database, data
 * folder, keys, axis breaker) and MicroProfile Metrics (documents and transport attempts per face, outbox depth
 * and age, receive-loop lag, request latency per operation, refusals by code, open alerts). Reads the store with
 * cheap cached queries and observes events ({@code audit.entity.Audited}, {@code reception.control.ReceiveRound});
 * no capability calls it. May import: delivery, reception, security, audit, tracking, configuration, platform.
 * Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.operations;
