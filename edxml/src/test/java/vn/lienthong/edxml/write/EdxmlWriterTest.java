package vn.lienthong.edxml.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.lienthong.edxml.model.AttachmentMeta;
import vn.lienthong.edxml.testsupport.SamplePackages;

class EdxmlWriterTest {

    @Test
    void documentUsesReferencePrefixLayoutAndOrder() throws IOException {
        String xml = new String(SamplePackages.newDocumentBytes(), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "  <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "    <edXML:edXMLHeader>\n      <edXML:MessageHeader>\n        <edXML:From>\n"
                + "          <edXML:OrganId>000.00.00.G22</edXML:OrganId>\n"), xml);
        assertInOrder(xml, "<edXML:From>", "<edXML:To>", "<edXML:DocumentId>", "<edXML:Code>",
                "<edXML:PromulgationInfo>", "<edXML:DocumentType>", "<edXML:Subject>", "<edXML:Content>",
                "<edXML:SignerInfo>", "<edXML:DueDate>", "<edXML:OtherInfo>", "<edXML:SteeringType>",
                "<edXML:ToPlaces>", "</edXML:MessageHeader>", "<edXML:TraceHeaderList>", "<edXML:Bussiness>",
                "<edXML:TraceHeader>", "</edXML:edXMLHeader>", "<edXML:edXMLBody>",
                "<edXML:edXMLManifest version=\"1.0\">", "<edXML:Reference>", "</edXML:edXMLEnvelope>",
                "<AttachmentEncoded>", "<Attachment>", "<ContentId>cid:", "<AttachmentName>", "<Description>",
                "<ContentType>", "<edXML:ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">",
                "</AttachmentEncoded>", "</edXML>");
        assertTrue(xml.contains("<edXML:PromulgationDate>2025/11/20</edXML:PromulgationDate>"));
        assertTrue(xml.contains("<edXML:Timestamp>2025/11/20 09:30:15</edXML:Timestamp>"));
        assertTrue(xml.contains("V/v thử nghiệm &lt;liên thông&gt; &amp; ký số"));
        assertTrue(xml.contains("<edXML:Paper>0</edXML:Paper>"));
        assertFalse(xml.contains("\r"));
    }

    @Test
    void manifestAndAttachmentsShareCidUuidsAndPackingRule() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AttachmentMeta> metas = new EdxmlWriter().writeDocumentDescribed(SamplePackages.newDocument(),
                SamplePackages.attachments(), out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, metas.size());
        for (AttachmentMeta m : metas) {
            assertTrue(m.contentId().matches("[0-9a-f-]{36}"), m.contentId());
            assertEquals(2, count(xml, "cid:" + m.contentId()), "manifest and attachment both carry the id");
        }
        assertEquals("application/pdf", metas.get(0).contentType());
        assertEquals("application/zip", metas.get(1).contentType());
        List<String> payloads = payloads(xml);
        assertEquals("%PDF-1.4\n% test pdf\n", new String(Base64.getDecoder().decode(payloads.get(0)),
                StandardCharsets.US_ASCII), "PDF travels raw");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(payloads.get(1))))) {
            ZipEntry entry = zip.getNextEntry();
            assertTrue(entry.getName().matches("[0-9a-f-]{36}\\.txt"), entry.getName());
            assertEquals("xin chào, tệp văn bản", new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(null, zip.getNextEntry(), "exactly one entry");
        }
    }

    @Test
    void statusPackageLayout() throws IOException {
        String xml = new String(SamplePackages.statusBytes("1"), StandardCharsets.UTF_8);
        assertInOrder(xml, "<edXML:MessageHeader>", "<edXML:From>", "<edXML:ResponseFor>", "<edXML:OrganId>",
                "<edXML:Code>", "<edXML:DocumentId>", "<edXML:PromulgationDate>", "<edXML:StaffInfo>",
                "<edXML:StatusCode>01</edXML:StatusCode>", "<edXML:Description>",
                "<edXML:Timestamp>2025/11/20 10:00:00</edXML:Timestamp>", "</edXML:edXMLHeader>");
        assertFalse(xml.contains("edXMLBody"));
        assertFalse(xml.contains("AttachmentEncoded"));
    }

    static List<String> payloads(String xml) {
        Matcher m = Pattern.compile("<edXML:ContentTransferEncoded[^>]*>([^<]*)<").matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            assertFalse(m.group(1).contains("\n"), "base64 on one line");
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static void assertInOrder(String xml, String... parts) {
        int at = 0;
        for (String p : parts) {
            int next = xml.indexOf(p, at);
            assertTrue(next >= 0, "expected " + p + " after position " + at);
            at = next + p.length();
        }
    }
}
