/**
 * Owns: Servlet filters and pages in front of every face: the error shield, request size and in-flight limits,
 * which face a path belongs to. May import: audit (refusals are audited), configuration, platform. Checked by
 * architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.web;
