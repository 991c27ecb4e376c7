/**
 * Owns: Exchange statistics (Decision 28/2018 art. 11, issue 12): figures computed from the store per organisation
 * served here, per counterpart and per day / month / year / range in Vietnam time — documents sent and received,
 * recalls, updates, replacements, failures, time to each status, overdue documents and status-feedback
 * completeness — their CSV / XLSX / printable HTML renderings and the REST resource {@code /admin/statistics}.
 * Reads the tables of tracking and reception with SQL only (no entity import); owns and alone writes its rollup
 * ({@code stats_rollup}, {@code stats_rollup_state}, V19), refreshed by its own job (docs/statistics.md). May import: reception (the
 * organisations served here), audit, vocabulary, configuration, platform; imported only by admin (and the
 * console). Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.statistics;
