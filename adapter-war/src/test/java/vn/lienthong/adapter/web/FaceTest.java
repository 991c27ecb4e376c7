package vn.lienthong.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FaceTest {

    private static final String EXCHANGE_NS = "urn:lienthong:exchange:1";

    @Test
    void pathsChooseTheirFace() {
        assertEquals(Face.SOAP, Face.of("/services/DocumentExchange"));
        assertEquals(Face.SOAP, Face.of("/services/EdocService"));
        assertEquals(Face.JSON, Face.of("/admin/outbox/dead"));
        assertEquals(Face.NEUTRAL, Face.of("/index.html"));
        assertEquals(Face.NEUTRAL, Face.of("/servicesX"));
        assertEquals(Face.NEUTRAL, Face.of(null));
    }

    @Test
    void soapFaultsCarryCodeFieldAndMessageInTheWsdlsDetail() throws Exception {
        Document soap11 = parse(Face.SOAP.body("LIMIT.REQUEST_SIZE", "adapter.limits.request-bytes",
                "larger than 10 bytes <&>", true, false));
        assertEquals("soap:Client", text(soap11, "", "faultcode"));
        assertEquals("LIMIT.REQUEST_SIZE", text(soap11, EXCHANGE_NS, "code"));
        assertEquals("adapter.limits.request-bytes", text(soap11, EXCHANGE_NS, "field"));
        assertEquals("larger than 10 bytes <&>", text(soap11, EXCHANGE_NS, "message"));

        Document soap12 = parse(Face.SOAP.body("SYS.INTERNAL", null, "failed", false, true));
        assertEquals("soap:Receiver", text(soap12, "http://www.w3.org/2003/05/soap-envelope", "Value"));
        assertEquals(0, soap12.getElementsByTagNameNS(EXCHANGE_NS, "field").getLength());
        assertEquals("application/soap+xml; charset=UTF-8", Face.SOAP.contentType(true));
    }

    @Test
    void jsonAndNeutralBodiesAreEscapedAndPlain() {
        String json = new String(Face.JSON.body("SYS.NOT_FOUND", null, "a \"quoted\"\\ line\n", true, false),
                StandardCharsets.UTF_8);
        assertEquals("{\"code\":\"SYS.NOT_FOUND\",\"message\":\"a \\\"quoted\\\"\\\\ line\\u000a\"}", json);
        String neutral = new String(Face.NEUTRAL.body("SYS.NOT_FOUND", null, "nothing here", true, false),
                StandardCharsets.UTF_8);
        assertEquals("SYS.NOT_FOUND: nothing here\n", neutral);
        assertFalse(neutral.contains("<"));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document d, String ns, String local) {
        var nodes = ns.isEmpty() ? d.getElementsByTagName(local) : d.getElementsByTagNameNS(ns, local);
        return nodes.item(0).getTextContent();
    }
}
