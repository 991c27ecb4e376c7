package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.validate.Finding;

/** Every fixture with its expected outcome (fixtures README). */
class EdxmlReaderFixtureTest {

    private final EdxmlReader reader = new EdxmlReader();

    @TempDir
    Path tmp;

    static Stream<Path> vendorFiles() {
        return Fixtures.vendorFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("vendorFiles")
    void everyVendorFileReadsWithoutErrors(Path file) throws IOException {
        ReadResult r = reader.read(file, AttachmentSink.discard());
        assertFalse(r.hasErrors(), () -> file + " " + r.errors());
        boolean status = file.getFileName().toString().startsWith("status");
        assertEquals(status ? PackageKind.STATUS : PackageKind.DOCUMENT, r.kind());
        assertEquals(status ? SignaturePresence.ABSENT : SignaturePresence.PLACEHOLDER, r.signature());
        if (!status) {
            assertEquals(1, r.attachments().size());
            ReceivedAttachment a = r.attachments().get(0);
            assertTrue(a.unwrapped(), "application/zip declared: the wrapper is removed");
            assertEquals(388_347, a.size());
            assertEquals("1896_QD-TTg_m_294779.doc", a.fileName());
        }
    }

    @Test
    void businessTypesOfTheVendorSamples() throws IOException {
        DocumentPackage n = reader.read(Fixtures.vendor("edoc_new.edxml"), AttachmentSink.discard()).document();
        assertEquals(BusinessType.NEW, n.businessType());
        assertEquals("74fass22", n.header().code().codeNumber());
        assertEquals(LocalDate.of(2018, 9, 28), n.header().dueDate());

        DocumentPackage recall = reader.read(Fixtures.vendor("edoc_revocation.edxml"), AttachmentSink.discard())
                .document();
        assertEquals(BusinessType.RECALL, recall.businessType());
        assertEquals("Thu hồi văn bản điện tử", recall.traceHeaderList().bussiness().reason());
        assertEquals(1, recall.header().responseFor().size());

        DocumentPackage update = reader.read(Fixtures.vendor("edoc_update.edxml"), AttachmentSink.discard())
                .document();
        assertEquals(BusinessType.UPDATE, update.businessType());
        var info = update.traceHeaderList().bussiness().documentInfos().get(0);
        assertEquals(2, info.receivers().size());
        assertEquals("000.00.00.H41", info.receivers().get(0).organId());
        assertEquals(0, info.receivers().get(0).receiverType());
        assertEquals(1, info.receivers().get(1).receiverType());
        assertEquals("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT", update.traceHeaderList().bussiness().documentId(),
                "an impossible date inside an id is kept verbatim");

        DocumentPackage replace = reader.read(Fixtures.vendor("edoc_replacement.edxml"), AttachmentSink.discard())
                .document();
        assertEquals(BusinessType.REPLACE, replace.businessType());
        assertEquals(1, replace.traceHeaderList().bussiness().replacementInfos().size(), "duplicate removed");
        assertEquals(List.of("000.00.00.H41", "000.00.00.H14"),
                replace.traceHeaderList().bussiness().replacementInfos().get(0).organIds());
    }

    @Test
    void statusSamples() throws IOException {
        StatusPackage s = reader.read(Fixtures.vendor("status_cancellation_13.edxml"), AttachmentSink.discard())
                .status();
        assertEquals(StatusCode.TAKE_BACK_REQUEST, s.code());
        assertEquals("000.00.00.G22", s.from().organId());
        assertEquals("000.00.00.H41", s.responseFor().organId());
        StatusPackage inbox = reader.read(Fixtures.vendor("status_inbox__01.edxml"), AttachmentSink.discard())
                .status();
        assertEquals("01", inbox.statusCode());
        assertEquals("Phong hanh chinh", inbox.staffInfo().department(), "trailing spaces and tabs trimmed");
        assertNotNull(inbox.staffInfo().mobile());
        assertEquals(StatusCode.REFUSED, reader.read(Fixtures.vendor("status_rejection_02.edxml"),
                AttachmentSink.discard()).status().code());
    }

    @Test
    void undeclaredPrefixIsAParseErrorWithPosition() {
        EdxmlParseException e = assertThrows(EdxmlParseException.class,
                () -> reader.read(Fixtures.nonconforming("edoc.edxml"), AttachmentSink.discard()));
        assertEquals(116, e.line());
        assertEquals(40, e.column());
        assertTrue(e.getMessage().contains("prefix 'xlink'"), e.getMessage());
    }

    @Test
    void textBeforeTheDeclarationIsAParseError() {
        EdxmlParseException e = assertThrows(EdxmlParseException.class, () -> reader.read(
                Fixtures.nonconforming("edoc_new.modified-by-repo-author.edxml"), AttachmentSink.discard()));
        assertEquals(1, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void inventedAttachmentContainerIsRejectedByName() throws IOException {
        AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(tmp.resolve("out"));
        ReadResult r = reader.read(Fixtures.nonconforming("1760427207626_b.txt.edxml"), sink);
        assertTrue(r.hasErrors());
        assertTrue(r.errors().stream().anyMatch(f -> f.code().equals("M.edXMLEnvelope.edXMLAttachments")),
                r.errors().toString());
        assertTrue(sink.files().isEmpty(), "nothing half-stored");
    }

    @Test
    void truncatedWrapperZipIsReadWithAStreamingReader() throws IOException {
        AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(tmp.resolve("out"));
        ReadResult r = reader.read(Fixtures.nonconforming("test_edxml_with_content.edxml"), sink);
        assertFalse(r.hasErrors(), r.errors().toString());
        assertEquals("hello", Files.readString(sink.files().get(0), StandardCharsets.US_ASCII).strip());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("N.MessageHeader.PromulgationInfo")
                && f.severity() == vn.lienthong.edxml.validate.Severity.WARNING));
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("N.MessageHeader.DocumentType")));
    }

    static Stream<Path> gatewayUploads() {
        return Fixtures.nonconformingFiles().stream().filter(p -> p.getFileName().toString().startsWith("upload_"));
    }

    @ParameterizedTest
    @MethodSource("gatewayUploads")
    void gatewayPackagesAreAcceptedWithWarnings(Path file) throws IOException {
        AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(tmp.resolve("out"));
        ReadResult r = reader.read(file, sink);
        assertFalse(r.hasErrors(), r.errors().toString());
        assertEquals(SignaturePresence.ABSENT, r.signature());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("T.MessageHeader.From.OrganId")),
                "unknown sender code flagged");
        assertFalse(r.attachments().isEmpty());
        for (ReceivedAttachment a : r.attachments()) {
            assertTrue(a.unwrapped());
            assertEquals("text/plain", a.detectedMimeType());
            String text = Files.readString(sink.files().get(a.index()), StandardCharsets.US_ASCII);
            assertTrue(text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f || ch == '\n'), text);
        }
        DocumentPackage d = r.document();
        assertEquals(BusinessType.NEW, d.businessType(), "no Bussiness block reads as type 0");
    }

    @Test
    void everyFixtureGivesAPreciseResultNeverACrash() throws IOException {
        for (Path p : Fixtures.nonconformingFiles()) {
            try {
                ReadResult r = reader.read(p, AttachmentSink.discard());
                for (Finding f : r.findings()) {
                    assertTrue(f.code().matches("[NRMT]\\..+"), f.code());
                }
            } catch (EdxmlParseException e) {
                assertTrue(e.line() > 0 && e.column() > 0, p + ": " + e.getMessage());
            }
        }
    }

    @Test
    void statusPackagesHaveNoDocument() throws IOException {
        ReadResult r = reader.read(Fixtures.vendor("status.edxml"), AttachmentSink.discard());
        assertNull(r.document());
        assertNotNull(r.status());
    }
}
