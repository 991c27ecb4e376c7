package vn.lienthong.adapter.signatures.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;

/**
 * The sending organisation's policy on its main file, with real PDFs: refused ({@code DOC.UNSIGNED}) under
 * {@code refuse} unless validly signed by a certificate whose O is the organisation's (id, the document's sender
 * name, or a configured name); recorded only under {@code flag}; nothing under {@code off} (the default).
 */
class SigningPolicyTest {

    private static final String ORGAN = "000.00.00.G22";

    @TempDir
    Path dir;
    private TestSignatureSetup setup;
    private Path unsigned;

    @BeforeEach
    void setUp() throws Exception {
        setup = new TestSignatureSetup(dir).withCrl();
        unsigned = SignedPdfs.unsigned(dir.resolve("unsigned.pdf"));
    }

    private Path signedBy(TestCa.Signer signer, String name) throws Exception {
        return SignedPdfs.sign(unsigned, dir.resolve(name), SignedPdfs.Signing.of(signer));
    }

    @Test
    void offByDefaultNothingIsCheckedAtAcceptance() {
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, null, "unsigned.pdf", unsigned));
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, null, null, null));
    }

    @Test
    void refuseRefusesAnUnsignedMainFileWithAStableCode() {
        setup.config.put("adapter.signatures.policy." + ORGAN, "refuse");
        Rejection r = assertThrows(Rejection.class, () -> setup.policy().enforce(ORGAN, null, "a.pdf", unsigned));
        assertEquals("DOC.UNSIGNED", r.code());
        assertEquals("attachments/0", r.field());
        assertTrue(r.getMessage().contains("is not signed"), r.getMessage());
        Rejection none = assertThrows(Rejection.class, () -> setup.policy().enforce(ORGAN, null, null, null));
        assertTrue(none.getMessage().contains("no main file"), none.getMessage());
        // Another organisation keeps the general policy (off).
        assertDoesNotThrow(() -> setup.policy().enforce("000.00.00.H41", null, "a.pdf", unsigned));
    }

    @Test
    void refuseAcceptsTheOrganisationsSignatureMatchedByNameOrConfiguredMapping() throws Exception {
        setup.config.put("adapter.signatures.policy", "refuse");
        Path byOffice = signedBy(setup.ca.signer("Nguyen Van A", "Van phong Chinh phu",
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(86_400)), "vp.pdf");
        // The document's own sender name matches the certificate's O (case, spaces and diacritics aside).
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, "  Văn phòng   CHÍNH phủ ", "vp.pdf", byOffice));
        Rejection other = assertThrows(Rejection.class, () -> setup.policy().enforce(ORGAN, "UBND tinh Nghe An",
                "vp.pdf", byOffice));
        assertTrue(other.getMessage().contains("not by a certificate of " + ORGAN), other.getMessage());
        setup.config.put("adapter.signatures.organisation." + ORGAN, "Bo Noi vu, Van phong Chinh phu");
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, null, "vp.pdf", byOffice));
    }

    @Test
    void refuseRefusesAnUntrustedOrChangedSignatureEvenOfTheRightOrganisation() throws Exception {
        setup.config.put("adapter.signatures.policy", "refuse");
        setup.config.put("adapter.signatures.organisation." + ORGAN, "So Noi vu tinh Thu");
        TestCa stranger = new TestCa("Unknown CA");
        Path untrusted = signedBy(stranger.signer("Mallory"), "untrusted.pdf");
        Rejection r = assertThrows(Rejection.class, () -> setup.policy().enforce(ORGAN, null, "x.pdf", untrusted));
        assertTrue(r.getMessage().contains("UNTRUSTED"), r.getMessage());
        Path changed = SignedPdfs.changeAfterSigning(signedBy(setup.ca.signer("Tran Thi B"), "ok.pdf"),
                dir.resolve("changed.pdf"));
        Rejection c = assertThrows(Rejection.class, () -> setup.policy().enforce(ORGAN, null, "x.pdf", changed));
        assertTrue(c.getMessage().contains("changed after signing"), c.getMessage());
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, null, "ok.pdf", dir.resolve("ok.pdf")));
    }

    @Test
    void flagRecordsANoteForOutgoingDocumentsOnlyAndNeverRefuses() throws Exception {
        setup.config.put("adapter.signatures.policy", "flag");
        assertDoesNotThrow(() -> setup.policy().enforce(ORGAN, null, "a.pdf", unsigned));
        DocumentVerification v = setup.verification();
        var plan = new SignatureRecords.Plan("ref", "doc", Document.Direction.OUT, ORGAN, ORGAN, null,
                List.of(new SignatureRecords.PlannedFile("att", 0, "a.pdf", unsigned)));
        var examined = v.examine(plan);
        assertTrue(v.policyNote(plan, examined).orElseThrow().contains("is not signed"));
        var received = new SignatureRecords.Plan("ref", "doc", Document.Direction.IN, ORGAN, "000.00.00.H41", null,
                plan.files());
        assertTrue(v.policyNote(received, examined).isEmpty(), "incoming documents are never subject to it");
    }
}
