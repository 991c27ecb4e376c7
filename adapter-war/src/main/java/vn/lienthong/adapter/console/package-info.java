/**
 * Owns: the web operations console under {@code /console} (issue 12): its sign-in (Jakarta Security form
 * mechanism and identity store over {@code console_user}), roles administrator / operator / viewer, the pages
 * (dashboard, documents, outbox, inbox, directory, statistics, credentials and tokens, users, audit) and their
 * actions, each audited with the user's name. A face: it reads the store and calls the capabilities' own services.
 * May import: tracking, delivery (re-queue), recall, reception, directory, legacy (old-protocol tokens), statistics
 * (figures, exports, monthly report), security, audit, configuration, platform, vocabulary, edxml (package
 * signature check). Nothing imports it. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.console;
