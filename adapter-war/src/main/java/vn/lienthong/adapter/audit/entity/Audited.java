package vn.lienthong.adapter.audit.entity;

/**
 * Announced (CDI event) after an audit entry was appended, without its content: what the metrics count
 * (acceptances and refusals by code, operations.control.AuditCounters) without a hook in every face. The actor
 * only tells the face (old-protocol callers are {@code legacy:...}); it never becomes a metric label.
 */
public record Audited(String actor, String action, String outcome, String code) {
}
