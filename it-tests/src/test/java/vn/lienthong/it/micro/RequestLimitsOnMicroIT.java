package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.junit.jupiter.api.Test;

import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.GeneratedBody;
import vn.lienthong.it.support.RawHttp;
import vn.lienthong.it.support.RawHttp.Answer;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * Bounded requests on the real WAR under Payara Micro with {@code -Xmx512m} (arquillian.xml): requests over
 * {@code adapter.limits.request-bytes} — declared or streamed chunked, authenticated or not, in parallel — are
 * refused with {@code LIMIT.REQUEST_SIZE} before WS-Security reads them; parallel requests just under the limit
 * are accepted or, past the in-flight budget, refused with {@code LIMIT.BUSY}; the server keeps answering; and no
 * error of any face is ever the server's HTML page. Bodies are generated while they are sent.
 */
class RequestLimitsOnMicroIT extends AdapterOnMicro {

    private static final long LIMIT = Long.getLong("it.request.bytes");
    private static final String SUBMIT = "urn:lienthong:exchange:1:SubmitDocument";
    private static final int PARALLEL = 4;

    static {
        WSSConfig.init();
    }

    @Test
    void parallelRequestsOverTheDeclaredLimitAreRefusedBeforeTheyAreRead() throws Exception {
        List<Answer> replies = parallel(i -> {
            // Half with a valid login, half without any security header: both are refused before WS-Security.
            String envelope = i % 2 == 0 ? tlsEnvelope() : unsecuredEnvelope();
            return post(i % 2 == 0 ? "services/DocumentExchangeTls" : "services/DocumentExchange",
                    new GeneratedBody(envelope, LIMIT + 4 + i), false); // over the limit by 1 to 4 bytes
        });
        for (Answer r : replies) {
            assertRefused(r, 413, "LIMIT.REQUEST_SIZE");
            assertTrue(r.body().contains("<field>adapter.limits.request-bytes</field>"), r.body());
            assertTrue(r.body().contains(Long.toString(LIMIT)), "the message names the limit: " + r.body());
        }
        // CXF routes longer paths to the endpoint too: they are bounded the same way.
        assertRefused(post("services/DocumentExchange/more", new GeneratedBody(unsecuredEnvelope(), LIMIT + 4),
                false), 413, "LIMIT.REQUEST_SIZE");
        aValidRequestStillSucceeds();
    }

    @Test
    void chunkedRequestsAreCutOffWhileTheyStreamIn() throws Exception {
        // The UsernameToken profile over HTTPS: over plain HTTP it would refuse (AUTH.TLS_REQUIRED) before the limit.
        URL tls = vn.lienthong.it.support.TlsKeyStoreExtension.https(base, "services/DocumentExchangeTls");
        List<Answer> replies = parallel(i -> post(i % 2 == 0 ? tls : new URL(base, "services/DocumentExchange"),
                new GeneratedBody(i % 2 == 0 ? tlsEnvelope() : unsecuredEnvelope(), LIMIT + 4 * 1024 * 1024), true));
        for (Answer r : replies) {
            // Each reserves in-flight budget block by block as it streams in: four streaming towards the limit
            // together do not fit in three limits, so some (or all) of them meet the budget before the limit.
            if (r.status() == 503) {
                assertRefused(r, 503, "LIMIT.BUSY");
            } else {
                assertRefused(r, 413, "LIMIT.REQUEST_SIZE");
            }
        }
        // Alone, a chunked request is cut off by the request limit itself.
        Answer alone = post("services/DocumentExchange", new GeneratedBody(unsecuredEnvelope(), LIMIT * 3), true);
        assertRefused(alone, 413, "LIMIT.REQUEST_SIZE");
        aValidRequestStillSucceeds();
    }

    @Test
    void parallelRequestsJustUnderTheLimitAreAcceptedOrToldToComeBack() throws Exception {
        // Over HTTPS: the UsernameToken profile refuses plain HTTP (only limits come before that check).
        URL tls = vn.lienthong.it.support.TlsKeyStoreExtension.https(base, "services/DocumentExchangeTls");
        List<Answer> replies = parallel(i -> post(tls, new GeneratedBody(tlsEnvelope(), LIMIT - 4096), i == 0));
        int accepted = 0;
        for (Answer r : replies) {
            assertNoServerPage(r);
            if (r.status() == 200) {
                assertTrue(r.body().contains("<state>QUEUED</state>") || r.body().contains("QUEUED"), r.body());
                accepted++;
            } else {
                // Only when the in-flight budget (arquillian.xml) is taken by the others.
                assertRefused(r, 503, "LIMIT.BUSY");
                assertEquals("5", r.header("Retry-After"));
            }
        }
        assertTrue(accepted >= 1, "at least the first request fits in the in-flight budget: " + replies);
        aValidRequestStillSucceeds();
    }

    @Test
    void smallRequestsOverCxfsParserLimitsAreRefusedWithALimitCode() throws Exception {
        // 60 000 empty elements (well within the byte limit) would each be a DOM node: over xml-elements.
        String many = "<a/>".repeat(60_000);
        Answer wide = send("POST", "services/DocumentExchange", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap"
                + ".org/soap/envelope/\"><soap:Body><x:SubmitDocument xmlns:x=\"urn:lienthong:exchange:1\">" + many
                + "</x:SubmitDocument></soap:Body></soap:Envelope>");
        assertEquals(500, wide.status(), wide.toString()); // a SOAP 1.1 fault, as WS-I requires
        assertTrue(wide.body().contains("<code>LIMIT.XML_STRUCTURE</code>"), wide.toString());
        assertTrue(wide.body().contains("<field>adapter.limits.xml-elements</field>"), wide.toString());
        assertNoServerPage(wide);
        // Nesting deeper than 100 (the signed port: the UsernameToken one refuses plain HTTP before parsing).
        Answer deep = send("POST", "services/DocumentExchange", "<soap:Envelope xmlns:soap=\"http://schemas"
                + ".xmlsoap.org/soap/envelope/\"><soap:Body>" + "<a>".repeat(200) + "</a>".repeat(200)
                + "</soap:Body></soap:Envelope>");
        assertTrue(deep.body().contains("<code>LIMIT.XML_STRUCTURE</code>"), deep.toString());
        assertNoServerPage(deep);
        aValidRequestStillSucceeds();
    }

    @Test
    void noFaceEverAnswersWithTheServersErrorPage() throws Exception {
        String services = "services/";
        // 404 below the CXF servlet, on the admin API, and elsewhere in the application.
        Answer unknownService = get(services + "NoSuchService");
        assertEquals(404, unknownService.status());
        assertFault(unknownService, "SYS.NOT_FOUND");
        Answer unknownAdmin = get("admin/no-such-thing");
        assertEquals(404, unknownAdmin.status());
        assertTrue(unknownAdmin.header("Content-Type").startsWith("application/json"), unknownAdmin.toString());
        assertTrue(unknownAdmin.body().contains("\"code\":\"SYS.NOT_FOUND\""), unknownAdmin.body());
        Answer elsewhere = get("no-such-page.jsp");
        assertEquals(404, elsewhere.status());
        assertTrue(elsewhere.header("Content-Type").startsWith("text/plain"), elsewhere.toString());
        // 405: the old protocol refuses PUT with sendError, which the error page answers as a SOAP fault.
        Answer put = send("PUT", services + "EdocService", "x");
        assertEquals(405, put.status());
        assertFault(put, "SYS.METHOD_NOT_ALLOWED");
        // 401 by sendError keeps the challenge header set before it.
        Answer unauthorised = RawHttp.send(new URL(base, services + "EdocAdmin/tokens"), "POST",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                new ByteArrayInputStream("organId=000.00.00.G22".getBytes(StandardCharsets.UTF_8)), 21, false);
        assertEquals(401, unauthorised.status(), unauthorised.toString());
        assertNoServerPage(unauthorised);
        assertTrue(unauthorised.header("WWW-Authenticate").contains("Basic"), unauthorised.toString());
        // Malformed requests on each face.
        for (String face : List.of("DocumentExchange", "DocumentExchangeTls", "EdocService")) {
            for (String body : List.of("not xml at all", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/"
                    + "soap/envelope/\"><soap:Body><x:Unclosed xmlns:x=\"urn:x\">", "<!DOCTYPE x [<!ENTITY e "
                    + "SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")) {
                Answer r = send("POST", services + face, body);
                assertNoServerPage(r);
                assertTrue(r.body().contains("Envelope"), face + " answers in SOAP: " + r);
                assertFalse(r.body().contains("root:"), "no external entity resolved: " + r.body());
            }
        }
        // 500 from the container: a request whose declared character set does not exist.
        Answer badCharset = RawHttp.send(new URL(base, services + "DocumentExchange"), "POST",
                Map.of("Content-Type", "text/xml; charset=no-such-charset", "SOAPAction", "\"" + SUBMIT + "\""),
                new ByteArrayInputStream("<x/>".getBytes(StandardCharsets.UTF_8)), 4, false);
        assertNoServerPage(badCharset);
        assertTrue(badCharset.body().contains("Envelope"), badCharset.toString());
        aValidRequestStillSucceeds();
    }

    private void aValidRequestStillSucceeds() throws Exception {
        SubmitDocumentResponse accepted = service.submitDocument(
                Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN));
        assertEquals("QUEUED", accepted.getState());
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    private static <T> List<T> parallel(Indexed<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                futures.add(pool.submit((Callable<T>) () -> task.call(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer post(String path, GeneratedBody body, boolean chunked) throws Exception {
        return post(new URL(base, path), body, chunked);
    }

    private Answer post(URL url, GeneratedBody body, boolean chunked) throws Exception {
        return RawHttp.send(url, "POST", Map.of("Content-Type", "text/xml; charset=UTF-8",
                "SOAPAction", "\"" + SUBMIT + "\""), body.open(), chunked ? -1 : body.length(), false);
    }

    private Answer send(String method, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(new URL(base, path), method, Map.of("Content-Type", "text/xml; charset=UTF-8",
                "SOAPAction", "\"" + SUBMIT + "\""), new ByteArrayInputStream(bytes), bytes.length, false);
    }

    private Answer get(String path) throws Exception {
        return RawHttp.send(new URL(base, path), "GET", Map.of(), null, 0, false);
    }

    /** A SubmitDocument with one large inline attachment, as the TLS profile's client sends it. */
    private String tlsEnvelope() throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/>"
                + "<soap:Body>" + submitXml() + "</soap:Body></soap:Envelope>";
        var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        org.w3c.dom.Document doc = dbf.newDocumentBuilder()
                .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecUsernameToken ut = new WSSecUsernameToken(header);
        ut.setPasswordType(WSConstants.PASSWORD_TEXT);
        ut.setUserInfo(demo.tlsUsername(), demo.tlsPassword());
        ut.addNonce();
        ut.addCreated();
        ut.build();
        new WSSecTimestamp(header).build();
        var w = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(w));
        return w.toString();
    }

    /** The same request without any security header (an unauthenticated caller). */
    private String unsecuredEnvelope() {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + submitXml()
                + "</soap:Body></soap:Envelope>";
    }

    private String submitXml() {
        return "<x:SubmitDocument xmlns:x=\"urn:lienthong:exchange:1\"><x:document>"
                + "<x:fromOrganId>" + demo.organId() + "</x:fromOrganId>"
                + "<x:recipient><x:organId>" + AxisSimulatorExtension.COUNTERPART_ORGAN + "</x:organId></x:recipient>"
                + "<x:codeNumber>" + ThreadLocalRandom.current().nextInt(1, 999_999_999) + "</x:codeNumber>"
                + "<x:codeNotation>VPCP-TTĐT</x:codeNotation><x:promulgationDate>2026-11-23</x:promulgationDate>"
                + "<x:subject>Văn bản lớn</x:subject><x:attachment><x:name>lon.pdf</x:name>"
                + "<x:contentType>application/pdf</x:contentType><x:content>" + GeneratedBody.CONTENT
                + "</x:content></x:attachment></x:document></x:SubmitDocument>";
    }

    private static void assertRefused(Answer r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertFault(r, code);
    }

    private static void assertFault(Answer r, String code) {
        assertNoServerPage(r);
        assertTrue(r.header("Content-Type").startsWith("text/xml"), r.toString());
        assertTrue(r.body().contains("<code>" + code + "</code>"), r.toString());
    }

    /** No HTML page, no product or version, no exception class name, no stack trace — in body or headers. */
    static void assertNoServerPage(Answer r) {
        String body = r.body().toLowerCase(Locale.ROOT);
        assertFalse(body.contains("<html"), r.toString());
        assertFalse(body.contains("payara") || body.contains("glassfish") || body.contains("grizzly"), r.toString());
        assertFalse(body.contains("exception") || body.contains("java.") || body.contains("\tat "), r.toString());
        assertNull(r.header("X-Powered-By"), r.toString());
        String server = r.header("Server");
        assertTrue(server == null || !server.toLowerCase(Locale.ROOT).contains("payara"), r.toString());
    }
}
