package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.legacy.control.LegacySubmissions;
import vn.lienthong.adapter.legacy.control.ManifestEntry;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.MappedMessage;

/**
 * Golden files per operation: the request as an old client sends it (golden/legacy/{Operation}.request.*) and
 * what the endpoint reads from it ({Operation}.request.expected.txt) — credentials, parameters and, for
 * SendDocument, the mapped fields, the adapter Submission and the decoded attachments.
 */
class LegacyRequestsGoldenTest {

    @TempDir
    Path spool;

    @ParameterizedTest
    @ValueSource(strings = {"GetPendingDocumentIds", "GetDocument", "ConfirmReceived", "UpdateTraces", "GetTraces",
        "CheckPermission", "GetOrganizations"})
    void eachOperationReadsAsExpected(String operation) throws Exception {
        byte[] request = Golden.bytes(operation + ".request.xml");
        SwaMessage message = new SwaReader(1 << 20, 1 << 20, 5).read("text/xml; charset=utf-8",
                new ByteArrayInputStream(request), spool);
        LegacyEnvelope env = LegacyEnvelope.of(SafeXml.parse(message.envelope()));
        StringBuilder b = new StringBuilder("action=").append(operation).append('\n');
        LegacyEnvelope.Credentials c = switch (operation) {
            case "UpdateTraces" -> env.keyInfo();
            case "CheckPermission" -> env.checkPermissionHeader();
            default -> env.bodyCredentials();
        };
        b.append("organId=").append(c.organId()).append('\n').append("token=").append(c.token()).append('\n');
        for (String name : new String[] {"DocumentId", "TimeStamp"}) {
            if (env.bodyValue(name) != null && !"UpdateTraces".equals(operation)) {
                b.append(name).append('=').append(env.bodyValue(name)).append('\n');
            }
        }
        if ("UpdateTraces".equals(operation)) {
            var s = StatusReader.read(env);
            b.append("status.from=").append(s.fromOrganId()).append('\n')
                    .append("status.originalSender=").append(s.originalSender()).append('\n')
                    .append("status.documentId=").append(s.documentId()).append('\n')
                    .append("status.code=").append(s.statusCode()).append(" -> QCVN ")
                    .append(EdocMappings.v1().statusToQcvn(s.statusCode()).orElseThrow()).append('\n')
                    .append("status.description=").append(s.description()).append('\n')
                    .append("status.staff=").append(s.staff()).append('\n');
        }
        Golden.assertMatches(operation + ".request.expected.txt", b.toString());
    }

    @Test
    void sendDocumentWithAttachmentsMapsToASubmission() throws Exception {
        byte[] raw = new String(Golden.bytes("SendDocument.request.txt"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        // As the C# client sends it: start without angle brackets, Content-ID: without a space.
        SwaMessage message = new SwaReader(1 << 20, 1 << 20, 5).read(
                "multipart/related; type=\"text/xml\"; boundary=MIMEBoundary_b1; start=\"Start\"",
                new ByteArrayInputStream(raw), spool);
        LegacyEnvelope env = LegacyEnvelope.of(SafeXml.parse(message.envelope()));
        LegacyEnvelope.Credentials c = env.keyInfo();
        MappedMessage mapped = EdocMappings.v1().mapSendDocument(env.header());
        var manifest = readManifest(env);
        Submission s = LegacySubmissions.toSubmission(mapped, manifest, message.parts());

        StringBuilder b = new StringBuilder("action=SendDocument\n");
        b.append("organId=").append(c.organId()).append('\n').append("token=").append(c.token()).append('\n');
        b.append("--- mapped\n").append(mapped.toGoldenText());
        b.append("--- submission\n");
        Map<String, Object> fields = new TreeMap<>();
        for (var component : Submission.class.getRecordComponents()) {
            if (!component.getName().equals("attachments") && !component.getName().equals("recipients")) {
                fields.put(component.getName(), component.getAccessor().invoke(s));
            }
        }
        fields.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        s.recipients().forEach(r -> b.append("recipient=").append(r.organId()).append(" | ").append(r.organName()).append('\n'));
        b.append("documentId()=").append(s.documentId()).append('\n');
        for (var a : s.attachments()) {
            b.append("attachment=").append(a.name()).append(" | ").append(a.contentType()).append(" | ")
                    .append(a.description()).append(" | ").append(a.knownSize()).append(" bytes | ")
                    .append(new String(readAll(a), StandardCharsets.ISO_8859_1)
                            .replaceAll("[^\\x20-\\x7e]", "?")).append('\n');
        }
        Golden.assertMatches("SendDocument.request.expected.txt", b.toString());
        message.close();
    }

    static java.util.List<ManifestEntry> readManifest(LegacyEnvelope env) {
        return env.manifest();
    }

    private static byte[] readAll(vn.lienthong.adapter.vocabulary.Submission.IncomingAttachment a) throws java.io.IOException {
        try (var in = a.openStream()) {
            return in.readAllBytes();
        }
    }
}
