package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.PasswordHasher;
import vn.lienthong.adapter.security.entity.ClientCredential;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;

/**
 * The store's behaviour, run against each real database: the production persistence unit (EclipseLink, the same
 * 4.0.x line Payara ships) on a schema made only by the Flyway migrations.
 */
abstract class StoreContract {

    private EntityManagerFactory emf;
    private EntityManager em;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndOpen() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        em = emf.createEntityManager();
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void migrationsCreateTheSchemaTheEntitiesMap() throws Exception {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "Flyway recorded its migrations");
        }
        // Every mapped entity can be queried: a column the migrations lack would fail here.
        for (Class<?> type : List.of(Document.class, Recipient.class, StoredAttachment.class, StatusEvent.class,
                ClientCredential.class, AuditEntry.class)) {
            em.createQuery("SELECT e FROM " + type.getSimpleName() + " e", type).getResultList();
        }
    }

    @Test
    void documentWithRecipientsAndAttachmentsRoundTrips() {
        OffsetDateTime now = VietnamTime.now();
        Document d = newDocument("000.00.00.G22,2026/11/23,12/UBND-VP", 0, now);
        d.addRecipient(new Recipient("000.00.00.H41", "UBND tỉnh Nghệ An"));
        d.addRecipient(new Recipient("000.00.00.H14", null));
        d.detail(new vn.lienthong.adapter.tracking.entity.DocumentDetails("Văn phòng Chính phủ", "Hà Nội", 1,
                "Công văn", "Tóm tắt", "KT.", "Phó Chánh Văn phòng", "Nguyễn Văn A", LocalDate.of(2026, 12, 1),
                "Lưu hành nội bộ", 0));
        d.addAttachment(new StoredAttachment("quyet-dinh.pdf", "application/pdf", "Quyết định", 1234, "ab".repeat(32),
                "attachments/x/0"));
        persist(d);
        em.clear();

        Document back = em.find(Document.class, d.getId());
        assertEquals("000.00.00.G22,2026/11/23,12/UBND-VP", back.getDocumentId());
        assertEquals(List.of("000.00.00.H14", "000.00.00.H41"),
                back.getRecipients().stream().map(Recipient::getOrganId).toList());
        assertEquals("UBND tỉnh Nghệ An", back.getRecipients().get(1).getOrganName(), "Vietnamese text survives");
        assertEquals(1, back.getAttachments().size());
        assertEquals(now.toInstant(), back.getCreatedAt().toInstant(), "timestamps keep their instant");
        assertEquals(LocalDate.of(2026, 11, 23), back.getPromulgationDate());
        assertEquals("Nguyễn Văn A", back.getDetails().getSignerFullName());
        assertEquals(LocalDate.of(2026, 12, 1), back.getDetails().getDueDate());
        assertEquals("Hà Nội", back.getDetails().getPromulgationPlace());
    }

    @Test
    void theSameDocumentFromTheSameSenderIsStoredOnce() {
        OffsetDateTime now = VietnamTime.now();
        persist(newDocument("dup", 0, now));
        assertThrows(PersistenceException.class, () -> persist(newDocument("dup", 0, now)));
    }

    @Test
    void credentialsKeepOnlyAHashAndTheOrganisationsTheyMayActFor() {
        persist(new ClientCredential("clerk", PasswordHasher.hash("s3cret".toCharArray()),
                List.of("000.00.00.G22", "000.01.00.G22"), null, VietnamTime.now()));
        em.clear();
        ClientCredential c = em.find(ClientCredential.class, "clerk");
        assertFalse(c.getPasswordHash().contains("s3cret"));
        assertTrue(PasswordHasher.matches("s3cret".toCharArray(), c.getPasswordHash()));
        assertFalse(PasswordHasher.matches("S3cret".toCharArray(), c.getPasswordHash()));
        assertTrue(c.mayActFor("000.01.00.G22"));
        assertFalse(c.mayActFor("000.00.00.H41"));
    }

    @Test
    void statusHistoryIsKeptPerRecipient() {
        OffsetDateTime now = VietnamTime.now();
        Document d = newDocument("S", 0, now);
        persist(d);
        persist(new StatusEvent(d, "000.00.00.H41", "01", "Đã đến", null, now, now));
        persist(new StatusEvent(d, "000.00.00.H41", "03", "Đã tiếp nhận", "Văn thư", now.plusSeconds(5), now));
        List<String> codes = em.createQuery(
                        "SELECT s.statusCode FROM StatusEvent s WHERE s.document.id = :id ORDER BY s.occurredAt",
                        String.class)
                .setParameter("id", d.getId()).getResultList();
        assertEquals(List.of("01", "03"), codes);
    }

    private Document newDocument(String documentId, int priority, OffsetDateTime at) {
        Document d = Document.outgoing(documentId, "000.00.00.G22", at);
        d.describe("12", "UBND-VP", "Trích yếu " + UUID.randomUUID(), priority, 0, LocalDate.of(2026, 11, 23));
        return d;
    }

    private void persist(Object entity) {
        TestTransactions.runInTransaction(em, () -> em.persist(entity));
    }
}
