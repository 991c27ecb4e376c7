package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.recall.control.RecallService;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.legacy.control.LegacyExchange;
import vn.lienthong.adapter.legacy.control.LegacyNumbers;
import vn.lienthong.adapter.legacy.control.LegacyRecall;
import vn.lienthong.adapter.legacy.control.LegacyRecallOutcome;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;

/**
 * Recall (SendDocument type 1), take-back (UpdateTraces 13) and refused updates/replacements through the real
 * endpoint dispatch, RecallService and SubmissionService on H2 with the Flyway schema: each golden request
 * (golden/legacy/business/{case}.request.*) gets the golden Report ({case}.response.xml), the stored state says
 * what happened, and a refused request leaves nothing behind.
 */
class LegacyRecallFlowTest {

    private static final String G22 = "000.00.00.G22";
    private static final String QUEUED_DOC = "000.00.00.G22,2025/11/20,123/VPCP-TTĐT";
    private static final String SENT_DOC = "000.00.00.G22,2014/10/05,45/UBND-VX";
    private static final String QUEUED_512_DOC = "000.00.00.G22,2013/03/01,7/VPCP-HC";
    private static final String RECEIVED_DOC = "000.00.00.H41,2025/11/19,45/UBND-VX";

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private EntityManager em;
    private EdocEndpoint endpoint;
    private final List<String> audited = new ArrayList<>();

    @BeforeEach
    void wire() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        emf = Persistence.createEntityManagerFactory("lienthong", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "", "jakarta.persistence.nonJtaDataSource", ds));
        em = emf.createEntityManager();
        AuditLog audit = new AuditLog() {
            @Override
            public void record(String actor, String action, String organId, String outcome, String code, String detail) {
                audited.add(action + " " + outcome + " " + (code == null ? "" : code));
            }
        };
        CredentialStore credentials = inject(new CredentialStore(), Map.of("em", em));
        OrganisationAuthority authority = inject(new OrganisationAuthority(), Map.of("credentials", credentials,
                "audit", audit));
        SubmissionService submissions = inject(new SubmissionService(), Map.of("em", em, "settings",
                AdapterSettings.from(emptyConfig()), "credentials", credentials, "audit", audit,
                "authority", authority));
        RecallService recalls = inject(new RecallService(), Map.of("em", em, "submissions", submissions, "audit", audit));
        LegacyExchange exchange = inject(new InTransaction(), Map.of("em", em, "submissions", submissions,
                "recalls", recalls, "documents", inject(new DocumentQuery(), Map.of("em", em)),
                "numbers", inject(new LegacyNumbers(), Map.of("em", em))));
        LegacyTokens tokens = inject(new LegacyTokens(), Map.of("em", em, "throttle", new LoginThrottle(), "audit", audit,
                "authority", authority));
        endpoint = LegacyWiring.endpoint(Map.of("tokens", tokens, "exchange", exchange, "authority", authority,
                "audit", audit));

        inTransaction(em, () -> tokens.issueByAdmin(G22, List.of(), BusinessRequests.TOKEN));
        runInTransaction(em, () -> {
            em.persist(outgoing(QUEUED_DOC, "123", "VPCP-TTĐT", LocalDate.of(2025, 11, 20), "000.00.00.H41"));
            em.persist(outgoing(SENT_DOC, "45", "UBND-VX", LocalDate.of(2014, 10, 5), "000.00.00.H41", "000.00.00.H49"));
            em.persist(outgoing(QUEUED_512_DOC, "7", "VPCP-HC", LocalDate.of(2013, 3, 1), "000.00.00.H41"));
            Document received = Document.incoming(RECEIVED_DOC, "000.00.00.H41", 0, "sha", VietnamTime.now());
            received.addRecipient(new Recipient(G22, null));
            em.persist(received);
        });
        // The outbox has already transmitted this one: a recall must follow it as 13 + type 1.
        inTransaction(em, () -> em.createNativeQuery("UPDATE document SET state = 'SENT' WHERE document_id = ?1")
                .setParameter(1, SENT_DOC).executeUpdate());
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"recall-hub", "recall-512"})
    void aRecallBeforeTransmissionCancelsLocally(String name) throws Exception {
        answer(name + ".request.txt", name + ".response.xml");
        String target = name.endsWith("512") ? QUEUED_512_DOC : QUEUED_DOC;
        assertEquals(List.of("RECALLED", "CANCELLED_LOCALLY"), row(target));
        assertTrue(audited.contains("RECALL CANCELLED_LOCALLY "), audited.toString());
    }

    @Test
    void aRecallAfterTransmissionIsQueuedForStatus13AndTheType1Package() throws Exception {
        answer("recall-2803.request.txt", "recall-2803.response.xml");
        assertEquals(List.of("SENT", "REQUESTED"), row(SENT_DOC));
        // The same recall again (a client retrying after a lost answer) decides nothing new.
        answer("recall-2803.request.txt", "recall-2803.response.xml");
        assertEquals(List.of("SENT", "REQUESTED"), row(SENT_DOC));
    }

    @Test
    void status13FromTheOriginalSenderTakesTheDocumentBackThroughTheSamePath() throws Exception {
        answer("takeback.request.xml", "takeback.response.xml");
        assertEquals(List.of("RECALLED", "CANCELLED_LOCALLY"), row(QUEUED_DOC));
        assertTrue(audited.contains("LEGACY_UPDATETRACES ACCEPTED "), audited.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"recall-unknown", "recall-other-organisation", "recall-no-reason",
        "update-unknown-target", "replace-without-list"})
    void refusedSendDocumentsStoreNothing(String name) throws Exception {
        long before = documents();
        answer(name + ".request.txt", name + ".response.xml");
        assertEquals(before, documents());
        assertNull(row(QUEUED_DOC).get(1), "no recall recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"takeback-unknown", "takeback-by-recipient", "takeback-no-reason",
        "takeback-other-organisation", "takeback-wrong-recipient"})
    void refusedTakeBacksStoreNothing(String name) throws Exception {
        long before = documents();
        answer(name + ".request.xml", name + ".response.xml");
        assertEquals(before, documents());
        assertNull(row(QUEUED_DOC).get(1), "no recall recorded");
        assertTrue(audited.contains("LEGACY_UPDATETRACES REFUSED " + code(name)), audited.toString());
    }

    private void answer(String request, String expectedResponse) throws Exception {
        var r = BusinessRequests.read(request, dir.resolve("spool-" + System.nanoTime()));
        try (var message = r.message()) {
            LegacyReply reply = endpoint.answer(r.action(), r.envelope(), message);
            Golden.assertMatches("business/" + expectedResponse, new String(reply.envelope(), StandardCharsets.UTF_8));
        }
    }

    private String code(String name) throws Exception {
        String body = new String(Golden.bytes("business/" + name + ".response.xml"), StandardCharsets.UTF_8);
        return body.replaceAll("(?s).*<edXML:Code>([^<]*)</edXML:Code>.*", "$1");
    }

    private List<Object> row(String documentId) {
        em.clear();
        Object[] r = (Object[]) em.createNativeQuery("SELECT state, recall_state FROM document WHERE document_id = ?1"
                + " AND direction = 'OUT' AND business_type = 0").setParameter(1, documentId).getSingleResult();
        return java.util.Arrays.asList(r[0], r[1]);
    }

    private long documents() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM document").getSingleResult()).longValue();
    }

    private static Document outgoing(String documentId, String number, String notation, LocalDate date, String... to) {
        Document d = Document.outgoing(documentId, G22, VietnamTime.now());
        d.describe(number, notation, "Văn bản " + number, 0, 0, date);
        for (String organ : to) {
            d.addRecipient(new Recipient(organ, null));
        }
        return d;
    }

    /** LegacyExchange with the transaction the container would give each call (rolled back on a refusal). */
    static final class InTransaction extends LegacyExchange {
        @Override
        public long send(CallerIdentity caller, Submission s) {
            return inTx(() -> super.send(caller, s));
        }

        @Override
        public LegacyRecallOutcome recall(CallerIdentity caller, LegacyRecall r) {
            return inTx(() -> super.recall(caller, r));
        }

        @Override
        public LegacyRecallOutcome takeBack(CallerIdentity caller, StatusUpdate u) {
            return inTx(() -> super.takeBack(caller, u));
        }

        private <T> T inTx(Supplier<T> work) {
            EntityManager em = field(this, "em");
            if (em.getTransaction().isActive()) {
                return work.get(); // a call from inside the exchange itself: the container keeps one transaction
            }
            try {
                return inTransaction(em, work);
            } catch (RuntimeException e) {
                em.clear(); // rolled back: forget the entities the refused call left in the context
                throw e;
            }
        }
    }

    /** Settings at their defaults: only the limits of the validator are read here. */
    private static Config emptyConfig() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.empty();
                    case "getPropertyNames" -> List.of();
                    default -> null;
                });
    }

    /** Sets the container-injected fields of {@code target} (declared on it or a superclass). */
    static <T> T inject(T target, Map<String, Object> values) throws ReflectiveOperationException {
        for (var e : values.entrySet()) {
            fieldOf(target.getClass(), e.getKey()).set(target, e.getValue());
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    static <T> T field(Object target, String name) {
        try {
            return (T) fieldOf(target.getClass(), name).get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field fieldOf(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
