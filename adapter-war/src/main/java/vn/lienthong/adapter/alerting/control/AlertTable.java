package vn.lienthong.adapter.alerting.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.AlertState;
import vn.lienthong.adapter.alerting.entity.Finding;

/**
 * The {@code alert} table in plain SQL (H2 and PostgreSQL alike). Every change that several nodes may attempt at
 * once is one conditional statement, so exactly one of them takes effect: raising (unique {@code open_key}),
 * claiming a notice (the {@code notices_sent} it saw), claiming the resolution notice, resolving, acknowledging.
 * Plain class over an {@link EntityManager}; the caller owns the transaction.
 */
public final class AlertTable {

    private static final String COLUMNS = "id, alert_key, rule_id, subject, organ_id, state, message_vi, message_en,"
            + " raised_at, notices_sent, next_notice_at, last_notice_at, acknowledged_at, acknowledged_by,"
            + " resolved_at, resolution_due";

    private final EntityManager em;

    public AlertTable(EntityManager em) {
        this.em = em;
    }

    /**
     * Raises the alert of {@code f} unless one is open for its key; its first notice is due at once. True when this
     * call raised it. Another node inserting the same key at the same moment fails on the unique key (the caller's
     * transaction then rolls back and the next round finds the alert open).
     */
    public boolean raise(Finding f, OffsetDateTime now) {
        // Only typed values in the SELECT list: PostgreSQL reads a bare NULL there as text.
        return em.createNativeQuery("INSERT INTO alert (id, alert_key, rule_id, subject, organ_id, state, message_vi,"
                        + " message_en, raised_at, notices_sent, next_notice_at, resolution_due, open_key)"
                        + " SELECT ?1, ?2, ?3, ?4, ?5, 'OPEN', ?6, ?7, ?8, 0, ?8, FALSE, ?2"
                        + " WHERE NOT EXISTS (SELECT 1 FROM alert WHERE open_key = ?2)")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, SqlValues.cut(f.key(), 400))
                .setParameter(3, f.rule().id())
                .setParameter(4, SqlValues.cut(f.subject(), 300))
                .setParameter(5, f.organId())
                .setParameter(6, SqlValues.cut(f.messageVi(), 2000))
                .setParameter(7, SqlValues.cut(f.messageEn(), 2000))
                .setParameter(8, now)
                .executeUpdate() == 1;
    }

    /** The open and acknowledged alerts of a rule. */
    public List<Alert> unresolved(AlertRule rule) {
        return select(" WHERE rule_id = ?1 AND state <> 'RESOLVED'", rule.id());
    }

    /** Resolves an open or acknowledged alert; a "resolved" notice becomes due if anyone was told of it. */
    public boolean resolve(String id, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE alert SET state = 'RESOLVED', open_key = NULL, resolved_at = ?2,"
                        + " next_notice_at = NULL,"
                        + " resolution_due = CASE WHEN notices_sent > 0 THEN TRUE ELSE FALSE END"
                        + " WHERE id = ?1 AND state <> 'RESOLVED'")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate() == 1;
    }

    /** Acknowledges an open alert: no more reminders. False when it is not open (already acknowledged or resolved). */
    public boolean acknowledge(String id, String by, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE alert SET state = 'ACKNOWLEDGED', acknowledged_at = ?2,"
                        + " acknowledged_by = ?3, next_notice_at = NULL WHERE id = ?1 AND state = 'OPEN'")
                .setParameter(1, id)
                .setParameter(2, now)
                .setParameter(3, SqlValues.cut(by, 100))
                .executeUpdate() == 1;
    }

    /** Open alerts whose next notice is due, oldest first (candidates: each must still be claimed). */
    public List<Alert> noticesDue(OffsetDateTime now, int max) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM alert WHERE state = 'OPEN'"
                        + " AND next_notice_at <= ?1 ORDER BY next_notice_at")
                .setParameter(1, now)
                .setMaxResults(max);
        return rows(q);
    }

    /** Resolved alerts whose "resolved" notice is still to be sent (candidates). */
    public List<Alert> resolutionsDue(int max) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM alert WHERE resolution_due = TRUE"
                + " ORDER BY resolved_at").setMaxResults(max);
        return rows(q);
    }

    /**
     * Claims the next notice of {@code a} for this node: succeeds only if nobody sent one since {@code a} was read
     * (same {@code notices_sent}) and the alert is still open. The next reminder is due {@code renotify} later.
     */
    public boolean claimNotice(Alert a, OffsetDateTime now, Duration renotify) {
        return em.createNativeQuery("UPDATE alert SET notices_sent = notices_sent + 1, last_notice_at = ?3,"
                        + " next_notice_at = ?4 WHERE id = ?1 AND notices_sent = ?2 AND state = 'OPEN'")
                .setParameter(1, a.id())
                .setParameter(2, a.noticesSent())
                .setParameter(3, now)
                .setParameter(4, now.plus(renotify))
                .executeUpdate() == 1;
    }

    /** Claims the "resolved" notice of {@code a}; only one node succeeds. */
    public boolean claimResolution(Alert a) {
        return em.createNativeQuery("UPDATE alert SET resolution_due = FALSE WHERE id = ?1 AND resolution_due = TRUE")
                .setParameter(1, a.id())
                .executeUpdate() == 1;
    }

    public Optional<Alert> find(String id) {
        return select(" WHERE id = ?1", id).stream().findFirst();
    }

    /** Alerts for the admin list, newest first; null filters match everything. */
    public List<Alert> list(AlertState state, String organId, AlertRule rule, int max) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            params.add(state.name());
            where.append(" AND state = ?").append(params.size());
        }
        if (organId != null) {
            params.add(organId);
            where.append(" AND organ_id = ?").append(params.size());
        }
        if (rule != null) {
            params.add(rule.id());
            where.append(" AND rule_id = ?").append(params.size());
        }
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM alert" + where + " ORDER BY raised_at DESC")
                .setMaxResults(max);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return rows(q);
    }

    public long countUnresolved() {
        return SqlValues.number(em.createNativeQuery("SELECT COUNT(*) FROM alert WHERE state <> 'RESOLVED'")
                .getSingleResult());
    }

    private List<Alert> select(String where, Object param) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM alert" + where).setParameter(1, param));
    }

    @SuppressWarnings("unchecked")
    private static List<Alert> rows(Query q) {
        List<Alert> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.add(new Alert((String) r[0], (String) r[1], AlertRule.byId((String) r[2]).orElse(null),
                    (String) r[3], (String) r[4], AlertState.valueOf((String) r[5]), (String) r[6], (String) r[7],
                    SqlValues.time(r[8]), (int) SqlValues.number(r[9]), SqlValues.time(r[10]),
                    SqlValues.time(r[11]), SqlValues.time(r[12]), (String) r[13], SqlValues.time(r[14]),
                    SqlValues.bool(r[15])));
        }
        return out;
    }
}
