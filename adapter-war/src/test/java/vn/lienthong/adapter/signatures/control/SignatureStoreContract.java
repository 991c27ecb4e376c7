package vn.lienthong.adapter.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.DocumentSignature;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;
import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;

/**
 * The document_signature and attachment_signature tables (V17) on each real database, with real signed PDFs
 * verified by docsig: queued PENDING with the document, claimed by one node, settled with signer and verdict per
 * attachment, read back; removed with their document.
 */
abstract class SignatureStoreContract {

    @TempDir
    Path data;

    private EntityManagerFactory emf;
    private EntityManager em;
    private TestSignatureSetup setup;

    protected abstract DataSource dataSource();

    @BeforeEach
    void open() throws Exception {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        em = emf.createEntityManager();
        setup = new TestSignatureSetup(data).withCrl();
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void aSignedAndAnUnsignedAttachmentAreRecordedWithSignerStatusAndTheDocumentsVerdict() throws Exception {
        TestCa.Signer signer = setup.ca.signer("Tran Thi B");
        Path signed = SignedPdfs.sign(SignedPdfs.unsigned(data.resolve("u1.pdf")), data.resolve("s1.pdf"),
                SignedPdfs.Signing.of(signer));
        Path unsigned = SignedPdfs.unsigned(data.resolve("u2.pdf"));
        Document d = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", signed, unsigned);
        SignatureRecords records = records(em, "node-a");

        runInTransaction(em, () -> records.queue(em.find(Document.class, d.getId())));
        SignatureView pending = records.find(d.getId()).orElseThrow();
        assertTrue(pending.pending(), "PENDING from acceptance until verified");
        assertEquals(DocumentSignature.Scope.OUTSIDE, pending.document().getScope(), "G22 → H41: another body");

        SignatureView v = verify(records, d.getId());

        assertEquals(DocumentSignature.Verdict.NOT_ESTABLISHED, v.document().getVerdict());
        assertTrue(v.document().getReason().startsWith("u2.pdf: not signed"), v.document().getReason());
        assertTrue(v.document().isSigned(), "one attachment carries a signature");
        SignatureView read = records.find(d.getId()).orElseThrow();
        assertEquals(2, read.attachments().size());
        AttachmentSignature first = read.attachments().get(0);
        assertEquals("VALID", first.getStatus());
        assertEquals("ESTABLISHED", first.getLegalValue());
        assertEquals("Tran Thi B", first.getSignerName());
        assertEquals("So Noi vu tinh Thu", first.getSignerOrganisation());
        assertTrue(first.getIssuer().contains("CN=Test CA chuyen dung"), first.getIssuer());
        assertNotNull(first.getSigningTime());
        assertEquals("SIGNED_ATTRIBUTE", first.getSigningTimeSource());
        assertEquals(1, first.getSignatures());
        AttachmentSignature second = read.attachments().get(1);
        assertEquals("NOT_SIGNED", second.getStatus());
        assertEquals("NOT_ESTABLISHED", second.getLegalValue());
        assertNull(second.getSignerName());
        assertEquals(1, setup.audited.size());
        assertTrue(setup.audited.get(0).startsWith("DOCUMENT_SIGNATURES 000.00.00.G22 NOT_ESTABLISHED null"),
                setup.audited.get(0));
        assertTrue(setup.audited.get(0).contains("s1.pdf VALID by Tran Thi B (So Noi vu tinh Thu)"),
                setup.audited.get(0));
    }

    @Test
    void aReceivedDocumentSignedByAnUntrustedCaIsRecordedAsUntrustedInsideItsBody() throws Exception {
        TestCa other = new TestCa("Some other CA");
        Path signed = SignedPdfs.sign(SignedPdfs.unsigned(data.resolve("u.pdf")), data.resolve("s.pdf"),
                SignedPdfs.Signing.of(other.signer("Le Van C")));
        Document d = document(Document.Direction.IN, "000.01.32.H41", "000.00.00.H41", signed);
        SignatureRecords records = records(em, "node-a");
        runInTransaction(em, () -> records.queue(em.find(Document.class, d.getId())));

        SignatureView v = verify(records, d.getId());

        assertEquals(DocumentSignature.Verdict.NOT_ESTABLISHED, v.document().getVerdict());
        assertEquals("000.00.00.H41", v.document().getOrganId(), "ours: the addressee");
        assertEquals(DocumentSignature.Scope.INSIDE, v.document().getScope(), "both under H41");
        assertEquals("UNTRUSTED", v.attachments().get(0).getStatus());
        assertEquals("Le Van C", v.attachments().get(0).getSignerName());
    }

    @Test
    void aClaimedDocumentIsNotClaimedByAnotherNodeAndIsVerifiedOnce() throws Exception {
        Path unsigned = SignedPdfs.unsigned(data.resolve("u.pdf"));
        Document d1 = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", unsigned);
        Document d2 = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", unsigned);
        SignatureRecords a = records(em, "node-a");
        inTransaction(em, () -> {
            a.queue(em.find(Document.class, d1.getId()));
            a.queue(em.find(Document.class, d2.getId()));
            return null;
        });
        EntityManager otherEm = emf.createEntityManager();
        try {
            SignatureRecords b = records(otherEm, "node-b");
            List<String> claimedByA = inTransaction(em, () -> a.claim(1));
            assertEquals(1, claimedByA.size());
            List<String> claimedByB = inTransaction(otherEm, () -> b.claim(10));
            assertEquals(1, claimedByB.size(), "only the document A did not claim");
            assertFalse(claimedByB.contains(claimedByA.get(0)));
            verify(a, claimedByA.get(0));
            assertTrue(inTransaction(em, () -> a.claim(10)).isEmpty(),
                    "settled and claimed documents are not claimed again");
        } finally {
            otherEm.close();
        }
    }

    @Test
    void removingADocumentRemovesItsSignatureRows() throws Exception {
        Path unsigned = SignedPdfs.unsigned(data.resolve("u.pdf"));
        Document d = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", unsigned);
        SignatureRecords records = records(em, "node-a");
        runInTransaction(em, () -> records.queue(em.find(Document.class, d.getId())));
        verify(records, d.getId());
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            // What a retention job does, in the order the foreign keys of the older tables need.
            st.executeUpdate("DELETE FROM stored_attachment WHERE document_ref = '" + d.getId() + "'");
            st.executeUpdate("DELETE FROM recipient WHERE document_ref = '" + d.getId() + "'");
            st.executeUpdate("DELETE FROM document WHERE id = '" + d.getId() + "'");
            for (String table : List.of("document_signature", "attachment_signature")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
        }
    }

    @Test
    void theSignedShareByMonthInsideAndOutsideComesFromTheVerdictsAndFillsTheMonthlyReport() throws Exception {
        Path signed = SignedPdfs.sign(SignedPdfs.unsigned(data.resolve("u1.pdf")), data.resolve("s1.pdf"),
                SignedPdfs.Signing.of(setup.ca.signer("Tran Thi B")));
        Path unsigned = SignedPdfs.unsigned(data.resolve("u2.pdf"));
        SignatureRecords records = records(em, "node-a");
        List<Document> docs = List.of(
                document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", signed),    // outside, valid
                document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", unsigned),  // outside, unsigned
                document(Document.Direction.IN, "000.01.00.G22", "000.00.00.G22", signed),     // inside, valid
                document(Document.Direction.OUT, "000.00.00.G22", "000.02.00.G22", unsigned)); // inside, pending
        inTransaction(em, () -> {
            docs.forEach(d -> records.queue(em.find(Document.class, d.getId())));
            return null;
        });
        for (Document d : docs.subList(0, 3)) {
            verify(records, d.getId());
        }
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        List<vn.lienthong.adapter.statistics.control.SignedShare.Row> rows;
        try (Connection c = dataSource().getConnection()) {
            rows = new vn.lienthong.adapter.statistics.control.SignedShare(c).byMonth(today, today, java.util.Set.of());
            assertTrue(new vn.lienthong.adapter.statistics.control.SignedShare(c)
                    .byMonth(today, today, java.util.Set.of("000.00.00.H14")).isEmpty(), "another organisation");
        }
        String month = today.toString().substring(0, 7);
        assertEquals(List.of(new vn.lienthong.adapter.statistics.control.SignedShare.Row(month, "INSIDE", 2, 1, 1, 1),
                new vn.lienthong.adapter.statistics.control.SignedShare.Row(month, "OUTSIDE", 2, 1, 1, 0)), rows);

        var out = new java.io.ByteArrayOutputStream();
        var empty = new vn.lienthong.adapter.statistics.entity.StatisticsResult(
                vn.lienthong.adapter.statistics.entity.StatisticsQuery.month(java.time.YearMonth.from(today)),
                VietnamTime.now(), List.of());
        new vn.lienthong.adapter.statistics.control.MonthlyReport(vn.lienthong.adapter.statistics.control.Labels.VI)
                .write(java.time.YearMonth.from(today), java.util.Set.of(), empty, empty, rows, out);
        String html = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("1/1 văn bản có ký số (100.0 %), 1 có giá trị pháp lý được xác nhận (100.0 %);"
                + " 1 văn bản đang chờ kiểm tra"), html);
        assertTrue(html.contains("1/2 văn bản có ký số (50.0 %), 1 có giá trị pháp lý được xác nhận (50.0 %)"), html);
        assertFalse(html.contains("Chưa ghi nhận"), "the placeholder is gone once verdicts are recorded");
    }

    @Test
    void documentsSettledTogetherGetTheirOwnVerdictsAndOneAuditEntryEach() throws Exception {
        TestCa.Signer signer = setup.ca.signer("Tran Thi B");
        Path signed = SignedPdfs.sign(SignedPdfs.unsigned(data.resolve("t1.pdf")), data.resolve("ts1.pdf"),
                SignedPdfs.Signing.of(signer));
        Path unsigned = SignedPdfs.unsigned(data.resolve("t2.pdf"));
        Document a = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", signed);
        Document b = document(Document.Direction.OUT, "000.00.00.G22", "000.00.00.H41", unsigned);
        SignatureRecords records = records(em, "node-a");
        runInTransaction(em, () -> {
            records.queue(em.find(Document.class, a.getId()));
            records.queue(em.find(Document.class, b.getId()));
        });
        DocumentVerification verification = setup.verification();
        List<SignatureRecords.Settlement> found = new java.util.ArrayList<>();
        List<SignatureRecords.Plan> plans = inTransaction(em, () -> records.plans(List.of(a.getId(), "gone", b.getId())));
        assertEquals(List.of(a.getId(), b.getId()), plans.stream().map(SignatureRecords.Plan::documentRef).toList(),
                "a document that is gone has no plan");
        for (var plan : plans) {
            var examined = verification.examine(plan);
            found.add(new SignatureRecords.Settlement(plan, examined,
                    verification.policyNote(plan, examined).orElse(null)));
        }

        runInTransaction(em, () -> records.settleAll(found));

        assertEquals("VALID", records.find(a.getId()).orElseThrow().attachments().get(0).getStatus());
        assertEquals(DocumentSignature.Verdict.NOT_ESTABLISHED,
                records.find(b.getId()).orElseThrow().document().getVerdict());
        assertEquals("NOT_SIGNED", records.find(b.getId()).orElseThrow().attachments().get(0).getStatus());
        assertEquals(2, setup.audited.size(), setup.audited.toString());
        assertTrue(setup.audited.get(0).contains(a.getDocumentId()), setup.audited.get(0));
        assertTrue(setup.audited.get(1).contains(b.getDocumentId()), setup.audited.get(1));
    }

    private SignatureView verify(SignatureRecords records, String ref) {
        var plan = inTransaction(em, () -> records.plan(ref)).orElseThrow();
        DocumentVerification verification = setup.verification();
        var examined = verification.examine(plan);
        return inTransaction(em,
                () -> records.settle(plan, examined, verification.policyNote(plan, examined).orElse(null)));
    }

    private SignatureRecords records(EntityManager manager, String node) {
        setup.config.put("adapter.node-id", node);
        SignatureRecords r = new SignatureRecords();
        r.em = manager;
        r.settings = setup.settings();
        r.audit = setup.audit();
        r.signal = new VerificationSignal();
        return r;
    }

    private Document document(Document.Direction direction, String sender, String recipient, Path... files)
            throws Exception {
        var now = VietnamTime.now();
        String id = "doc-" + java.util.UUID.randomUUID();
        Document d = direction == Document.Direction.OUT ? Document.outgoing(id, sender, now)
                : Document.incoming(id, sender, 0, "ab".repeat(32), now);
        d.describe("12", "UBND-VP", "Trích yếu", 0, 0, LocalDate.of(2026, 11, 23));
        d.addRecipient(new Recipient(recipient, null));
        for (int i = 0; i < files.length; i++) {
            Path target = data.resolve("attachments").resolve(d.getId()).resolve(Integer.toString(i));
            Files.createDirectories(target.getParent());
            Files.copy(files[i], target);
            d.addAttachment(new StoredAttachment(files[i].getFileName().toString(), "application/pdf", null,
                    Files.size(target), "", data.relativize(target).toString()));
        }
        runInTransaction(em, () -> em.persist(d));
        return d;
    }
}
