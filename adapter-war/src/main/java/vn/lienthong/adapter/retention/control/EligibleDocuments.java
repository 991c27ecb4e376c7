package vn.lienthong.adapter.retention.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Which documents the retention job may archive and delete (docs/retention.md, "Eligible documents"). A document
 * is <em>finished before the cutoff</em> when all of these hold:
 * <ul>
 * <li>its state is final: SENT (delivered to the axis), RECEIVED (incoming), RECALLED (cancelled before it left) or
 * DEAD (given up) — never QUEUED, i.e. never a document the outbox still has;</li>
 * <li>no recall is waiting to be sent for it ({@code recall_state} REQUESTED), no node holds a lease on it and no
 * send is in doubt ({@code send_started_at});</li>
 * <li>nothing happened to it since the cutoff: its row ({@code updated_at}), every status event (recorded), transport
 * attempt and inbox item (created and confirmed) are older;</li>
 * <li>every inbox item of it was collected by the legacy client (CONFIRMED);</li>
 * <li>no alert about it is open (OPEN or ACKNOWLEDGED; alert subjects name the document id).</li>
 * </ul>
 * Documents travel with their relatives: recalls, updates, replacements and status packages point at the document
 * they concern ({@code related_ref}). A <em>root</em> (no relative above it in the store) is archived with every
 * document below it, in the month of the root's creation, and only when every one of them is finished.
 */
final class EligibleDocuments {

    /** Most roots examined per query. */
    private static final int SCAN = 200;
    /** Most parameters in one IN list. */
    static final int CHUNK = 500;

    private EligibleDocuments() {
    }

    /** The predicate on document {@code d}; parameters ?1 = cutoff, ?2 = now. */
    static final String FINISHED = "d.state IN ('SENT', 'RECEIVED', 'RECALLED', 'DEAD')"
            + " AND d.updated_at < ?1"
            + " AND (d.recall_state IS NULL OR d.recall_state <> 'REQUESTED')"
            + " AND d.send_started_at IS NULL AND (d.lease_until IS NULL OR d.lease_until < ?2)"
            + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id AND s.recorded_at >= ?1)"
            + " AND NOT EXISTS (SELECT 1 FROM transport_attempt t WHERE t.document_ref = d.id"
            + " AND t.attempted_at >= ?1)"
            + " AND NOT EXISTS (SELECT 1 FROM inbox_item i WHERE i.document_ref = d.id AND (i.state <> 'CONFIRMED'"
            + " OR i.created_at >= ?1 OR i.confirmed_at >= ?1))"
            + " AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.open_key IS NOT NULL"
            + " AND (a.subject = d.id OR a.subject LIKE d.id || '/%'))";

    /** Where the scan of a month stands: after this root (creation time, id); null = from the start. */
    record Position(OffsetDateTime createdAt, String id) {
    }

    /** The next batch: documents to archive together, how many families, and where the scan stands. */
    record Batch(List<String> documentIds, int families, Position next, boolean monthDone) {
    }

    /**
     * The next families of roots created in [from, to) after {@code after}, up to about {@code size} documents
     * (a family is never split; one larger than {@code size} makes a batch of its own).
     */
    static Batch next(EntityManager em, OffsetDateTime from, OffsetDateTime to, Position after, OffsetDateTime cutoff,
            OffsetDateTime now, int size) {
        List<String> ids = new ArrayList<>();
        int families = 0;
        Position position = after;
        while (ids.size() < size) {
            List<Object[]> roots = roots(em, from, to, position, cutoff, now);
            if (roots.isEmpty()) {
                return new Batch(ids, families, position, true);
            }
            for (Object[] root : roots) {
                if (ids.size() >= size) {
                    return new Batch(ids, families, position, false);
                }
                position = new Position(toOffset(root[1]), (String) root[0]);
                List<String> family = family(em, (String) root[0]);
                if (family != null && allFinished(em, family, cutoff, now)) {
                    ids.addAll(family);
                    families++;
                }
            }
        }
        return new Batch(ids, families, position, false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> roots(EntityManager em, OffsetDateTime from, OffsetDateTime to, Position after,
            OffsetDateTime cutoff, OffsetDateTime now) {
        String sql = "SELECT d.id, d.created_at FROM document d WHERE d.direction IN ('OUT', 'IN')"
                + " AND d.message_type IN ('EDOC', 'STATUS') AND d.created_at >= ?3 AND d.created_at < ?4"
                + (after == null ? "" : " AND (d.created_at > ?5 OR (d.created_at = ?5 AND d.id > ?6))")
                + " AND (d.related_ref IS NULL OR NOT EXISTS (SELECT 1 FROM document p WHERE p.id = d.related_ref))"
                + " AND " + FINISHED + " ORDER BY d.created_at, d.id";
        Query q = em.createNativeQuery(sql).setParameter(1, cutoff).setParameter(2, now).setParameter(3, from)
                .setParameter(4, to).setMaxResults(SCAN);
        if (after != null) {
            q.setParameter(5, after.createdAt()).setParameter(6, after.id());
        }
        return q.getResultList();
    }

    /** The root and every document below it (transitively); null if the family is implausibly large or cyclic. */
    @SuppressWarnings("unchecked")
    static List<String> family(EntityManager em, String root) {
        Set<String> all = new LinkedHashSet<>(List.of(root));
        List<String> level = List.of(root);
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth > 10 || all.size() > 10 * CHUNK) {
                return null;
            }
            List<String> below = new ArrayList<>();
            for (List<String> chunk : chunks(level)) {
                Query q = em.createNativeQuery("SELECT d.id FROM document d WHERE d.related_ref IN ("
                        + placeholders(1, chunk.size()) + ")");
                bind(q, 1, chunk);
                for (Object id : q.getResultList()) {
                    if (all.add((String) id)) {
                        below.add((String) id);
                    }
                }
            }
            level = below;
        }
        return new ArrayList<>(all);
    }

    /** True when every document of {@code ids} exists and is finished before the cutoff. */
    static boolean allFinished(EntityManager em, List<String> ids, OffsetDateTime cutoff, OffsetDateTime now) {
        long finished = 0;
        for (List<String> chunk : chunks(ids)) {
            Query q = em.createNativeQuery("SELECT COUNT(*) FROM document d WHERE d.id IN ("
                    + placeholders(3, chunk.size()) + ") AND " + FINISHED)
                    .setParameter(1, cutoff).setParameter(2, now);
            bind(q, 3, chunk);
            finished += ((Number) q.getSingleResult()).longValue();
        }
        return finished == ids.size();
    }

    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    static String placeholders(int first, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append('?').append(first + i);
        }
        return b.toString();
    }

    static void bind(Query q, int first, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(first + i, values.get(i));
        }
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
