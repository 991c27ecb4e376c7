/**
 * Owns: Sending to the axis: the outbox worker, retry policy, the outage breaker, the axis gateway. May import:
 * tracking, configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.delivery;
