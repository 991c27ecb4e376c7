package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacySubmissions;
import vn.lienthong.adapter.legacy.control.ManifestEntry;
import vn.lienthong.adapter.legacy.control.SpooledPart;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.MappedMessage;

/** Hostile and broken requests get stable codes, and limits bite while the request is still streaming in. */
class BadInputTest {

    private static final String ENV = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><GetOrganizations><OrganId>1</OrganId></GetOrganizations></soap:Body></soap:Envelope>";

    @TempDir
    Path spool;

    @Test
    void doctypeExternalEntitiesAndEntityExpansionAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + ENV;
        assertEquals(LegacyCodes.DOCTYPE, code(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8))));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        assertEquals(LegacyCodes.DOCTYPE, code(() -> SafeXml.parse(laughs.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void malformedXmlAndNonSoapAreRefused() {
        assertEquals(LegacyCodes.BAD_ENVELOPE, code(() -> SafeXml.parse("<soap:Envelope".getBytes(StandardCharsets.UTF_8))));
        assertEquals(LegacyCodes.BAD_ENVELOPE, code(() -> LegacyEnvelope.of(SafeXml.parse("<a/>".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void anEndlessRequestIsCutOffAtTheMessageLimit() {
        InputStream endless = new BoundedInputStream(endless(), 100_000, LegacyCodes.MESSAGE_TOO_LARGE);
        assertEquals(LegacyCodes.MESSAGE_TOO_LARGE, code(() -> new SwaReader(1 << 30, 1 << 30, 5)
                .read("text/xml", endless, spool)));
    }

    @Test
    void anOversizedEnvelopeIsRefusedWhileStreaming() {
        assertEquals(LegacyCodes.ENVELOPE_TOO_LARGE, code(() -> new SwaReader(10_000, 1 << 20, 5)
                .read("text/xml", endless(), spool)));
    }

    @Test
    void anOversizedAttachmentIsRefusedWhileStreamingAndNothingStaysOnDisk() throws Exception {
        InputStream request = new SequenceInputStream(new ByteArrayInputStream(multipartHead(1).getBytes(StandardCharsets.UTF_8)),
                endless());
        assertEquals(LegacyCodes.ATTACHMENT_TOO_LARGE, code(() -> new SwaReader(1 << 20, 50_000, 5)
                .read(CT, request, spool.resolve("r1"))));
        assertTrue(!spool.resolve("r1").toFile().exists() || spool.resolve("r1").toFile().list().length == 0);
    }

    @Test
    void tooManyAttachmentsAreRefusedAtTheFirstPartTooMany() {
        String body = multipartHead(1) + "a\r\n" + part(2) + "b\r\n" + part(3) + "c\r\n--B--\r\n";
        assertEquals(LegacyCodes.TOO_MANY_ATTACHMENTS, code(() -> new SwaReader(1 << 20, 1 << 20, 2)
                .read(CT, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), spool)));
    }

    @Test
    void referencesAndPartsMustMatchOneToOne() throws Exception {
        MappedMessage m = EdocMappings.v1().mapSendDocument(LegacyEnvelope.of(SafeXml.parse(
                new String(Golden.bytes("SendDocument.request.txt"), StandardCharsets.UTF_8).split("\n\n", 2)[1]
                        .split("\n--MIMEBoundary_b1")[0].getBytes(StandardCharsets.UTF_8))).header());
        SpooledPart part = new SpooledPart("att1", "application/pdf", spool, 1, false);
        assertEquals(LegacyCodes.MISSING_ATTACHMENT, code(() -> LegacySubmissions.toSubmission(m,
                List.of(new ManifestEntry("att9", "a.pdf", null)), Map.of("att1", part))));
        assertEquals(LegacyCodes.UNREFERENCED_ATTACHMENT, code(() -> LegacySubmissions.toSubmission(m,
                List.of(), Map.of("att1", part))));
    }

    @Test
    void validationCodesOfStateSecretAndBadOrganIdsReadAsHubCodes() {
        assertEquals("M.MessageHeader.OtherInfo.Secret", EdocMappings.v1().legacyErrorCode("M.document/stateSecret"));
        assertEquals("M.MessageHeader.From.OrganId", EdocMappings.v1().legacyErrorCode("M.document/fromOrganId"));
    }

    @Test
    void soapActionIsTakenQuotedOrPlain() {
        assertTrue(EdocEndpoint.ACTIONS.contains("GetOrganizations"));
        assertEquals("m", SwaReader.stripAngles("<cid:m>"));
    }

    @Test
    void soap12IsAcceptedAsASupersetAndAnsweredInSoap12() {
        String env12 = ENV.replace("http://schemas.xmlsoap.org/soap/envelope/", LegacyEnvelope.SOAP12);
        LegacyEnvelope env = LegacyEnvelope.of(SafeXml.parse(env12.getBytes(StandardCharsets.UTF_8)));
        assertEquals("1", env.bodyCredentials().organId());
        LegacyReplies replies = new LegacyReplies(EdocMappings.v1()).inVersionOf(env.soapNs());
        assertTrue(replies.soap12());
        assertTrue(new String(replies.report("CheckPermissionResponse", List.of()), StandardCharsets.UTF_8)
                .contains("xmlns:SOAP-ENV=\"" + LegacyEnvelope.SOAP12 + "\""));
    }

    private static final String CT = "multipart/related; type=\"text/xml\"; boundary=\"B\"; start=\"<root>\"";

    private static String multipartHead(int firstPart) {
        return "--B\r\nContent-Type: text/xml\r\nContent-ID: <root>\r\n\r\n" + ENV + "\r\n" + part(firstPart);
    }

    private static String part(int n) {
        return "--B\r\nContent-Type: application/pdf\r\nContent-ID: <p" + n + ">\r\n\r\n";
    }

    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
    }

    private interface Throwing {
        void run() throws Exception;
    }

    private static String code(Throwing action) {
        return assertThrows(LegacyFault.class, action::run).code();
    }
}
