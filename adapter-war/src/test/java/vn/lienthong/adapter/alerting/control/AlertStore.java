package vn.lienthong.adapter.alerting.control;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.configuration.AlertSettings;
import vn.lienthong.adapter.store.TestTransactions;

/**
 * One "node" of the alert store in a test: the production persistence unit on a test database, transactions by
 * hand, and the evaluation/claim steps the container's AlertService runs. Also writes the rows the rules read.
 */
final class AlertStore implements AutoCloseable {

    static final String AXIS = "http://axis.test/";

    final EntityManagerFactory emf;
    AlertSettings settings = AlertSettings.of(Map.of(AlertSettings.RENOTIFY, "60"));
    List<WatchedCertificate> certificates = new ArrayList<>();
    Path dataDir = Path.of(System.getProperty("java.io.tmpdir"));
    ChainKey auditKey;

    AlertStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code work} in a transaction of its own on this node's database. */
    <T> T tx(Function<EntityManager, T> work) {
        return TestTransactions.inTransaction(emf, work);
    }

    void run(Consumer<EntityManager> work) {
        TestTransactions.runInTransaction(emf, work);
    }

    RuleContext context(EntityManager em, OffsetDateTime now) {
        return new RuleContext(em, now, settings, AXIS, () -> certificates, dataDir, auditKey);
    }

    int evaluate(Rule rule, OffsetDateTime now) {
        return tx(em -> AlertRound.evaluate(context(em, now), rule));
    }

    List<Notice> claim(OffsetDateTime now) {
        return tx(em -> AlertRound.claimNotices(em, now, settings.renotify()));
    }

    // ---- rows the rules read -------------------------------------------------------------------------------

    /** An outgoing document in {@code state}, sent (transport attempt SENT) at {@code sentAt}, to each recipient. */
    String sentDocument(String sender, String documentId, String state, OffsetDateTime sentAt, String... recipients) {
        String id = UUID.randomUUID().toString();
        run(em -> {
            em.createNativeQuery("INSERT INTO document (id, direction, document_id, sender_organ_id, priority,"
                            + " business_type, state, attempts, created_at, updated_at, version, dedup_key)"
                            + " VALUES (?1, 'OUT', ?2, ?3, 0, 0, ?4, 1, ?5, ?5, 1, ?6)")
                    .setParameter(1, id).setParameter(2, documentId).setParameter(3, sender)
                    .setParameter(4, state).setParameter(5, sentAt).setParameter(6, "OUT|EDOC|" + id)
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome)"
                            + " VALUES (?1, ?2, ?3, 'SENT')")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, id).setParameter(3, sentAt)
                    .executeUpdate();
            for (String r : recipients) {
                em.createNativeQuery("INSERT INTO recipient (id, document_ref, organ_id) VALUES (?1, ?2, ?3)")
                        .setParameter(1, UUID.randomUUID().toString()).setParameter(2, id).setParameter(3, r)
                        .executeUpdate();
            }
        });
        return id;
    }

    /** A document received for {@code organ} at {@code at}, with its pending inbox item. */
    String receivedDocument(String from, String organ, String documentId, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        run(em -> {
            em.createNativeQuery("INSERT INTO document (id, direction, document_id, sender_organ_id, priority,"
                            + " business_type, state, attempts, created_at, updated_at, version, dedup_key)"
                            + " VALUES (?1, 'IN', ?2, ?3, 0, 0, 'RECEIVED', 0, ?4, ?4, 1, ?5)")
                    .setParameter(1, id).setParameter(2, documentId).setParameter(3, from)
                    .setParameter(4, at).setParameter(5, "IN|EDOC|" + id).executeUpdate();
            em.createNativeQuery("INSERT INTO inbox_item (id, organ_id, kind, document_ref, state, created_at)"
                            + " VALUES (?1, ?2, 'DOCUMENT', ?3, 'PENDING', ?4)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, organ).setParameter(3, id)
                    .setParameter(4, at).executeUpdate();
        });
        return id;
    }

    void status(String documentRef, String organ, String code, OffsetDateTime at) {
        run(em -> em.createNativeQuery("INSERT INTO status_event (id, document_ref, organ_id, status_code,"
                        + " occurred_at, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, documentRef).setParameter(3, organ)
                .setParameter(4, code).setParameter(5, at).executeUpdate());
    }

    void sql(String statement, Object... params) {
        run(em -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @Override
    public void close() {
        emf.close();
    }
}
