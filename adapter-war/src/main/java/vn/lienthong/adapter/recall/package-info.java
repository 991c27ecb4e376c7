/**
 * Owns: Recall of a sent document: cancelled locally before it left, else queued and sent (status 13 and a
 * business-type-1 package) once per receive round. May import: intake (authorisation), packaging, reception
 * (status reports, the round event), tracking, security, audit, vocabulary, configuration, platform. Checked by
 * architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.recall;
