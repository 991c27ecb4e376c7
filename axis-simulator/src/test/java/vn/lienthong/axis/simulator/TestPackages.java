package vn.lienthong.axis.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.write.EdxmlWriter;

/** Small packages written for the tests: a header-only document in the reference layout, statuses via EdxmlWriter. */
final class TestPackages {

    private TestPackages() {
    }

    static Path fixture(String name) {
        String dir = System.getProperty("fixtures.dir");
        if (dir == null) {
            throw new IllegalStateException("system property fixtures.dir is not set (run through Maven)");
        }
        return Path.of(dir, "edxml", "vendor-sdk-2019", name);
    }

    static Path document(Path dir, String from, List<String> to, String documentId, int businessType) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n");
        x.append("  <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n");
        x.append("    <edXML:edXMLHeader>\n      <edXML:MessageHeader>\n");
        x.append("        <edXML:From><edXML:OrganId>").append(from).append("</edXML:OrganId>")
                .append("<edXML:OrganName>Test sender</edXML:OrganName></edXML:From>\n");
        for (String t : to) {
            x.append("        <edXML:To><edXML:OrganId>").append(t).append("</edXML:OrganId></edXML:To>\n");
        }
        x.append("        <edXML:DocumentId>").append(documentId).append("</edXML:DocumentId>\n");
        x.append("        <edXML:Subject>Tài liệu thử nghiệm</edXML:Subject>\n");
        x.append("      </edXML:MessageHeader>\n");
        x.append("      <edXML:TraceHeaderList>\n");
        x.append("        <edXML:Bussiness><edXML:BussinessDocType>").append(businessType)
                .append("</edXML:BussinessDocType><edXML:Paper>0</edXML:Paper></edXML:Bussiness>\n");
        x.append("        <edXML:TraceHeader><edXML:OrganId>").append(from)
                .append("</edXML:OrganId><edXML:Timestamp>2025/11/22 10:15:02</edXML:Timestamp></edXML:TraceHeader>\n");
        x.append("      </edXML:TraceHeaderList>\n    </edXML:edXMLHeader>\n");
        x.append("    <edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\"/></edXML:edXMLBody>\n");
        x.append("  </edXML:edXMLEnvelope>\n</edXML>\n");
        return write(dir, documentId.replaceAll("[^A-Za-z0-9]", "_") + "-" + businessType + ".edxml",
                x.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Path status(Path dir, String from, String responseForOrgan, String documentId, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new EdxmlWriter().writeStatus(new StatusPackage(Organization.of(from, "Test " + from),
                    new ResponseFor(responseForOrgan, null, documentId, null), null, code, "status " + code,
                    LocalDateTime.of(2025, 11, 22, 10, 0)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(dir, "status-" + from + "-" + code + ".edxml", out.toByteArray());
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
