package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.testsupport.SamplePackages;

class EdxmlHeaderScannerTest {

    private static PackageHeader scan(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return EdxmlHeaderScanner.scan(in);
        }
    }

    @Test
    void documentFixtures() throws IOException {
        PackageHeader h = scan(Fixtures.vendor("edoc_update.edxml"));
        assertEquals(PackageKind.DOCUMENT, h.kind());
        assertEquals("000.00.00.G22", h.fromOrganId());
        assertEquals(List.of("000.00.00.H41", "000.00.00.H14", "000.00.00.G17"), h.toOrganIds());
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", h.documentId());
        assertEquals(2, h.businessType());
        assertEquals(0, h.priority());
        assertNull(h.statusCode());
        assertEquals("7816", h.codeNumber());
        assertEquals("VPCP-TTĐT", h.codeNotation());
        assertEquals(1, scan(Fixtures.vendor("edoc_revocation.edxml")).businessType());
        assertEquals(3, scan(Fixtures.vendor("edoc_replacement.edxml")).businessType());
        PackageHeader n = scan(Fixtures.vendor("edoc_new.edxml"));
        assertEquals(List.of("28.22.H17"), n.toOrganIds());
        assertEquals("000.00.00.A80", n.fromOrganId());
        assertNull(scan(Fixtures.nonconforming("upload_1f881896-6e3a-4a5f-87f1-c380878e148e.edxml")).businessType(),
                "no Bussiness block");
    }

    @Test
    void statusFixtures() throws IOException {
        PackageHeader s = scan(Fixtures.vendor("status_cancellation_13.edxml"));
        assertEquals(PackageKind.STATUS, s.kind());
        assertEquals("13", s.statusCode());
        assertEquals("000.00.00.G22", s.fromOrganId());
        assertEquals("000.00.00.H41", s.responseForOrganId());
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", s.responseForDocumentId());
        assertNull(s.codeNumber(), "a status package has no Code of its own");
        for (Path p : Fixtures.vendorFiles()) {
            PackageHeader h = scan(p);
            boolean status = p.getFileName().toString().startsWith("status");
            assertEquals(status ? PackageKind.STATUS : PackageKind.DOCUMENT, h.kind(), p.toString());
        }
    }

    @Test
    void notWellFormedGivesLineAndColumn() {
        EdxmlParseException e = assertThrows(EdxmlParseException.class,
                () -> scan(Fixtures.nonconforming("edoc_new.modified-by-repo-author.edxml")));
        assertEquals(1, e.line());
        assertTrue(e.column() > 0);
        // The undeclared xlink prefix sits in the body, which the scanner never reads; the full reader rejects it.
        assertEquals("002.00.20.H13", assertDoesNotThrow(() -> scan(Fixtures.nonconforming("edoc.edxml"))).fromOrganId());
        assertThrows(EdxmlParseException.class, () -> EdxmlHeaderScanner.scan(
                new ByteArrayInputStream("<other/>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void stopsBeforeTheBody() throws IOException {
        String xml = new String(SamplePackages.newDocumentBytes(), StandardCharsets.UTF_8);
        // Everything after the header is garbage: the scanner must never get there.
        String truncated = xml.substring(0, xml.indexOf("<edXML:edXMLBody>")) + "<edXML:edXMLBody><<<garbage";
        PackageHeader h = EdxmlHeaderScanner.scan(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SamplePackages.SENDER, h.fromOrganId());
        assertEquals(0, h.businessType());
        assertEquals("V/v thử nghiệm <liên thông> & ký số", h.subject());
        assertEquals(1, h.priority());
    }

    @Test
    void refusesDoctype() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML>";
        assertThrows(EdxmlParseException.class,
                () -> EdxmlHeaderScanner.scan(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))));
    }
}
