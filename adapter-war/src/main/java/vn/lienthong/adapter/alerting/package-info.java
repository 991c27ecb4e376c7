/**
 * Owns: Alerts (issue 13): the rules evaluated on a schedule (silent counterparts, missing or overdue statuses,
 * dead documents, axis outages, uncollected inboxes, expiring keys, the audit chain, disk space), the alerts
 * raised from them (table {@code alert}: raised once per rule + subject, re-notified, acknowledged, resolved),
 * their delivery by e-mail (Jakarta Mail) and JSON webhook, the contacts per organisation, and the admin REST
 * resource {@code /admin/alerts}. May import: delivery (the breaker's state), security (key material), audit,
 * vocabulary (Rejection), configuration, platform; only admin imports alerting. Checked by architecture.PackageDependenciesTest.
 */
package vn.lienthong.adapter.alerting;
