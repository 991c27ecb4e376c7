package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.testsupport.SamplePackages;

/** Deviations real traffic shows, built from our own sample package. */
class LenientReadingTest {

    private final EdxmlReader reader = new EdxmlReader();

    @TempDir
    Path tmp;

    private ReadResult read(String xml) throws IOException {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), AttachmentSink.discard());
    }

    private static String sample() throws IOException {
        return new String(SamplePackages.newDocumentBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void prefixesOrderSpellingAndCidAreFree() throws IOException {
        String xml = sample()
                .replace("edXML:", "q:").replace("xmlns:edXML=", "xmlns:q=")
                .replace("q:Bussiness>", "q:Business>").replace("q:BussinessDocType>", "q:BusinessDocType>")
                .replaceFirst("<ContentId>cid:", "<ContentId>CID:")
                .replaceFirst("<q:ContentId>cid:", "<q:ContentId>");
        // TraceHeader before Bussiness, and DocumentId last in MessageHeader.
        int b0 = xml.indexOf("<q:Business>");
        int b1 = xml.indexOf("</q:Business>") + "</q:Business>".length();
        String business = xml.substring(b0, b1);
        xml = xml.substring(0, b0) + xml.substring(b1);
        xml = xml.replace("</q:TraceHeaderList>", business + "</q:TraceHeaderList>");
        String docId = xml.substring(xml.indexOf("<q:DocumentId>"), xml.indexOf("</q:DocumentId>") + 15);
        xml = xml.replaceFirst(java.util.regex.Pattern.quote(docId), "").replace("</q:MessageHeader>",
                docId + "<!-- comment --></q:MessageHeader>").replace("\n", "\r\n");
        ReadResult r = read(xml);
        assertFalse(r.hasErrors(), r.errors().toString());
        assertEquals(SamplePackages.newDocument().header(), r.document().header());
        assertEquals(BusinessType.NEW, r.document().businessType());
        assertEquals(2, r.attachments().size());
    }

    @Test
    void base64WithLineBreaksIsAccepted() throws IOException {
        String xml = sample();
        int start = xml.indexOf("\">", xml.indexOf("<edXML:ContentTransferEncoded")) + 2;
        String wrapped = xml.substring(0, start + 8) + "\n  \t" + xml.substring(start + 8);
        assertFalse(read(wrapped).hasErrors());
    }

    @Test
    void nonBase64ContentIsRejectedNamingTheContentId() throws IOException {
        String xml = sample();
        int start = xml.indexOf("\">", xml.indexOf("<edXML:ContentTransferEncoded")) + 2;
        int end = xml.indexOf("</edXML:ContentTransferEncoded>");
        ReadResult r = read(xml.substring(0, start) + "${__StringFromFile(test.txt,,,)}" + xml.substring(end));
        assertTrue(r.hasErrors());
        assertTrue(r.errors().get(0).code().equals("T.AttachmentEncoded.Attachment.ContentTransferEncoded"));
        assertTrue(r.errors().get(0).message().contains("cid:"), r.errors().get(0).message());
        assertTrue(r.attachments().isEmpty());
    }

    @Test
    void manifestAndAttachmentsMustMatch() throws IOException {
        String xml = sample();
        String cid = xml.substring(xml.indexOf("<ContentId>cid:") + 15, xml.indexOf("</ContentId>"));
        ReadResult r = read(xml.replace("<ContentId>cid:" + cid, "<ContentId>cid:other"));
        assertTrue(r.errors().stream().anyMatch(f -> f.message().contains("cid:other")));
        assertTrue(r.errors().stream().anyMatch(f -> f.message().contains("cid:" + cid)));
    }

    @Test
    void stateSecretIsRefused() throws IOException {
        ReadResult r = read(sample().replace("Liên thông văn bản quốc gia", "Tối mật"));
        assertTrue(r.errors().stream().anyMatch(f -> f.code().equals("M.MessageHeader.OtherInfo.SphereOfPromulgation")));
        ReadResult legacy = read(sample().replace("<edXML:TyperNotation>", "<edXML:Secret>Mật</edXML:Secret>"
                + "<edXML:TyperNotation>"));
        assertTrue(legacy.errors().stream().anyMatch(f -> f.code().equals("M.MessageHeader.OtherInfo.Secret")));
        assertFalse(read(sample().replace("Liên thông văn bản quốc gia", "Lưu hành nội bộ")).hasErrors());
    }

    @Test
    void wrongRootOrMissingHeaderAreNamed() throws IOException {
        ReadResult r = read("<edXML xmlns=\"http://www.e-doc.vn/Schema/\"><x/></edXML>");
        assertEquals("M.edXML", r.errors().get(0).code());
        assertNull(r.document());
        ReadResult noHeader = read("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope/></edXML>");
        assertEquals("N.edXMLEnvelope.edXMLHeader", noHeader.errors().get(0).code());
    }

    @Test
    void zipBombIsRefused() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("x.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
        }
        String b64 = Base64.getEncoder().encodeToString(zipped.toByteArray());
        String xml = sample();
        int second = xml.lastIndexOf("<edXML:ContentTransferEncoded");
        int start = xml.indexOf("\">", second) + 2;
        int end = xml.indexOf("</edXML:ContentTransferEncoded>", start);
        ReadResult r = read(xml.substring(0, start) + b64 + xml.substring(end));
        assertTrue(r.errors().stream().anyMatch(f -> f.message().contains("zip bomb")), r.errors().toString());
        ReaderLimits small = new ReaderLimits(1 << 20, 1 << 20, 1000, 10, 1000, 1000, 10);
        ReadResult tooBig = new EdxmlReader(small, tmp).read(new ByteArrayInputStream(
                (xml.substring(0, start) + b64 + xml.substring(end)).getBytes(StandardCharsets.UTF_8)),
                AttachmentSink.discard());
        assertTrue(tooBig.errors().get(0).code().startsWith("R."), tooBig.errors().toString());
    }

    @Test
    void truncatedOrCorruptedInputNeverCrashes() throws IOException {
        byte[] bytes = SamplePackages.newDocumentBytes();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] copy = bytes.clone();
            int cut = random.nextInt(copy.length);
            if (i % 2 == 0) {
                copy = java.util.Arrays.copyOf(copy, cut);
            } else {
                copy[cut] = (byte) "<>&\"'=x/\u0000".charAt(random.nextInt(9));
            }
            try {
                reader.read(new ByteArrayInputStream(copy), AttachmentSink.discard());
            } catch (EdxmlParseException expected) {
                assertTrue(expected.getMessage() != null);
            } catch (RuntimeException e) {
                fail("crash on mutation " + i + ": " + e);
            }
        }
    }

    @Test
    void hostileXmlIsRefusedBeforeAnythingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML>";
        org.junit.jupiter.api.Assertions.assertThrows(EdxmlParseException.class, () -> read(xxe));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&b;</edXML>";
        org.junit.jupiter.api.Assertions.assertThrows(EdxmlParseException.class, () -> read(laughs));
        String deep = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">" + "<x>".repeat(500)
                + "</x>".repeat(500) + "</edXML>";
        org.junit.jupiter.api.Assertions.assertThrows(EdxmlParseException.class, () -> read(deep),
                "nesting depth is bounded");
    }
}
