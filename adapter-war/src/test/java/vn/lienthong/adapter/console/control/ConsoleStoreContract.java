package vn.lienthong.adapter.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;

/**
 * The console's queries and users on each real database (schema from the migrations, V13 included, production
 * persistence unit): counts, completeness categories, search, outbox — each narrowed to the caller's
 * organisations (sender or recipient).
 */
abstract class ConsoleStoreContract {

    private static final String G22 = "000.00.00.G22";
    private static final String G11 = "000.00.00.G11";
    private static final String H41 = "000.00.00.H41";
    private static final String H14 = "000.00.00.H14";

    private EntityManagerFactory emf;
    private EntityManager em;
    private ConsoleQueries queries;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndOpen() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        em = emf.createEntityManager();
        queries = new ConsoleQueries();
        queries.em = em;
        OffsetDateTime now = VietnamTime.now();
        runInTransaction(em, () -> {
            em.persist(sent("full", G22, H41, "06", now));
            em.persist(sent("partial", G22, H41, "03", now));
            Document dead = sent("dead", G11, H14, null, now);
            dead.dead("refused", now);
            em.persist(dead);
            // Sent before the dashboard's 30 days: counted by the statistics pages, not by the dashboard.
            em.persist(sent("old", "000.00.00.G33", "000.00.00.H49", "06", now.minusDays(40)));
        });
        em.clear();
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void anAdministratorCountsEverythingAndSeesCompletenessPerCounterpart() {
        ConsoleQueries.Dashboard d = queries.dashboard(caller(ConsoleRole.ADMINISTRATOR, List.of()));
        assertEquals(3, d.sentToday());
        assertEquals(3, d.sentMonth());
        assertEquals(0, d.receivedToday());
        assertEquals(1, d.dead());
        assertEquals(30, d.days().size());
        assertEquals(LocalDate.now(VietnamTime.ZONE), d.days().get(29).day());
        ConsoleQueries.Completeness h41 = d.completeness().stream().filter(c -> c.counterpart().equals(H41))
                .findFirst().orElseThrow();
        assertEquals(List.of(1L, 1L, 0L, 0L), List.of(h41.full(), h41.partial(), h41.only01(), h41.nothing()));
        ConsoleQueries.Completeness h14 = d.completeness().stream().filter(c -> c.counterpart().equals(H14))
                .findFirst().orElseThrow();
        assertEquals(1, h14.nothing());
        assertTrue(d.completeness().stream().noneMatch(c -> c.counterpart().equals("000.00.00.H49")),
                "only the dashboard's 30 days: " + d.completeness());
    }

    @Test
    void theDailyChartCountsDeliveriesAndFeedbackPerVietnamDay() {
        OffsetDateTime today = LocalDate.now(VietnamTime.ZONE).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        em.getTransaction().begin();
        Document d = em.createQuery("SELECT d FROM Document d WHERE d.documentId = 'full'", Document.class)
                .getSingleResult();
        Document other = em.createQuery("SELECT d FROM Document d WHERE d.documentId = 'dead'", Document.class)
                .getSingleResult();
        em.persist(new TransportAttempt(d, today.plusMinutes(1), TransportAttempt.Outcome.SENT, "t"));
        em.persist(new TransportAttempt(other, today.minusSeconds(1), TransportAttempt.Outcome.SENT, "t")); // yesterday
        em.persist(new TransportAttempt(d, today.minusDays(3), TransportAttempt.Outcome.RETRY, "not a delivery"));
        em.persist(new TransportAttempt(d, today.minusDays(40), TransportAttempt.Outcome.SENT, "outside the window"));
        em.persist(new StatusEvent(d, H41, "01", null, null, today, today.plusSeconds(5)));
        em.persist(new StatusEvent(d, H41, "03", null, null, today, today.minusDays(29).plusSeconds(5)));
        em.getTransaction().commit();
        List<ConsoleQueries.Day> days = queries.dashboard(caller(ConsoleRole.ADMINISTRATOR, List.of())).days();
        assertEquals(List.of(1L, 1L), List.of(days.get(29).delivered(), days.get(28).delivered()), "today, yesterday");
        assertEquals(2L, days.stream().mapToLong(ConsoleQueries.Day::delivered).sum());
        assertEquals(List.of(1L, 1L), List.of(days.get(29).feedback(), days.get(0).feedback()), "today, 29 days ago");
        assertEquals(2L, days.stream().mapToLong(ConsoleQueries.Day::feedback).sum());
        // a viewer of G22 sees only its document's figures (the dead one is G11's)
        List<ConsoleQueries.Day> g22 = queries.dashboard(caller(ConsoleRole.VIEWER, List.of(G22))).days();
        assertEquals(List.of(1L, 0L), List.of(g22.get(29).delivered(), g22.get(28).delivered()));
    }

    @Test
    void aViewerCountsAndFindsOnlyItsOrganisationsDocuments() {
        ConsoleCaller g22 = caller(ConsoleRole.VIEWER, List.of(G22));
        assertEquals(2, queries.dashboard(g22).sentToday());
        assertEquals(0, queries.dashboard(g22).dead());
        assertEquals(2, queries.search(g22, criteria(null, null), 1).total());
        assertTrue(queries.outbox(g22, DocumentState.DEAD, false, 10).isEmpty());

        ConsoleCaller recipient = caller(ConsoleRole.VIEWER, List.of(H14));
        assertEquals(1, queries.search(recipient, criteria(null, null), 1).total(), "a recipient sees it too");
        assertEquals(1, queries.outbox(recipient, DocumentState.DEAD, false, 10).size());

        ConsoleCaller stranger = caller(ConsoleRole.VIEWER, List.of("000.00.00.Z99"));
        assertEquals(0, queries.search(stranger, criteria(null, null), 1).total());
        assertEquals(0, queries.dashboard(stranger).sentToday());
        assertTrue(queries.dashboard(stranger).completeness().isEmpty());
    }

    @Test
    void searchMatchesSubjectAndStateCaseInsensitively() {
        ConsoleCaller admin = caller(ConsoleRole.ADMINISTRATOR, List.of());
        ConsoleQueries.Page<Document> page = queries.search(admin, criteria("TRÍCH YẾU FULL", null), 1);
        assertEquals(1, page.total());
        assertEquals("full", page.items().get(0).getDocumentId());
        assertEquals(1, queries.search(admin, criteria(null, DocumentState.DEAD), 1).total());
    }

    @Test
    void consoleUsersKeepOnlyAHashAndLogInWithTheGeneratedPassword() {
        ConsoleUsers users = new ConsoleUsers();
        users.em = em;
        String password = inTransaction(em,
                () -> users.create("operator1", ConsoleRole.OPERATOR, List.of(G22), "test"));
        em.clear();
        ConsoleUser u = users.find("operator1").orElseThrow();
        assertTrue(u.getPasswordHash().startsWith("pbkdf2-sha256$"));
        assertEquals(List.of(G22), u.getOrganIds());
        assertTrue(users.authenticate("operator1", password.toCharArray()).isPresent());
        assertTrue(users.authenticate("operator1", "wrong".toCharArray()).isEmpty());
        assertTrue(users.authenticate("nobody", password.toCharArray()).isEmpty());
    }

    private static ConsoleQueries.Criteria criteria(String subject, DocumentState state) {
        return new ConsoleQueries.Criteria(null, subject, null, null, null, state, null);
    }

    private static ConsoleCaller caller(ConsoleRole role, List<String> organs) {
        return new ConsoleCaller("t", role, role == ConsoleRole.ADMINISTRATOR, organs, null);
    }

    private static Document sent(String id, String from, String to, String status, OffsetDateTime at) {
        Document d = Document.outgoing(id, from, at);
        d.describe("12", "UBND-VP", "Trích yếu " + id, 0, 0, LocalDate.of(2026, 11, 23));
        Recipient r = new Recipient(to, null);
        if (status != null) {
            r.reported(status, "test", at);
        }
        d.addRecipient(r);
        return d;
    }
}
