package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.xml.ws.soap.SOAPFaultException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.ExchangeClients;
import vn.lienthong.it.support.TlsKeyStoreExtension;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * Payara Micro's HTTPS listener with the demo-CA key made by the launcher step: the UsernameToken profile works
 * over HTTPS only, the old protocol is offered over HTTPS too, and each endpoint's WSDL names its own port at
 * the absolute address it was fetched from.
 */
class TlsOnMicroIT extends AdapterOnMicro {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";

    @Test
    void theUsernameTokenProfileWorksOverHttpsForAClientTrustingTheDemoCa() throws Exception {
        DocumentExchangePort tls = ExchangeClients.usernameToken(
                TlsKeyStoreExtension.https(base, "services/DocumentExchangeTls"), demo.tlsUsername(), demo.tlsPassword());
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        SubmitDocumentResponse accepted = tls.submitDocument(request);
        assertEquals(Documents.documentIdOf(request), accepted.getDocumentId());
        assertEquals("QUEUED", accepted.getState());
    }

    @Test
    void theUsernameTokenProfileOverPlainHttpIsRefusedAuditedAndNothingIsStored() throws Exception {
        long auditHeadBefore = auditHead();
        DocumentExchangePort plainHttp = ExchangeClients.usernameToken(new URL(base, "services/DocumentExchangeTls"),
                demo.tlsUsername(), demo.tlsPassword());
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);

        assertEquals("AUTH.TLS_REQUIRED", faultCode(() -> plainHttp.submitDocument(request)));
        // Refused before the password is looked at: a wrong one gets the same answer, so plain HTTP confirms nothing.
        DocumentExchangePort wrongPassword = ExchangeClients.usernameToken(
                new URL(base, "services/DocumentExchangeTls"), demo.tlsUsername(), demo.tlsPassword() + "x");
        assertEquals("AUTH.TLS_REQUIRED", faultCode(() -> wrongPassword.submitDocument(request)));

        GetDocumentStatus status = new GetDocumentStatus();
        status.setFromOrganId(demo.organId());
        status.setDocumentId(Documents.documentIdOf(request));
        assertEquals("M.documentId", assertThrows(ExchangeFault.class, () -> service.getDocumentStatus(status))
                .getFaultInfo().getCode(), "nothing stored");
        // Two refusals audited (plus the audit check's own entry in between).
        assertTrue(auditHead() >= auditHeadBefore + 3, "refusals audited");
    }

    @Test
    void theSignedProfileAndTheOldProtocolAreOfferedOverHttpsToo() throws Exception {
        DocumentExchangePort signed = ExchangeClients.secured(
                TlsKeyStoreExtension.https(base, "services/DocumentExchange"), demo, demo.password());
        ((org.apache.cxf.transport.http.HTTPConduit) org.apache.cxf.frontend.ClientProxy.getClient(signed)
                .getConduit()).setTlsClientParameters(tlsParameters());
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        assertEquals("QUEUED", signed.submitDocument(request).getState());

        String edocWsdl = get(TlsKeyStoreExtension.https(base, "services/EdocService?wsdl"));
        assertTrue(edocWsdl.contains("http://www.e-doc.vn/Schema/"), edocWsdl);
    }

    @Test
    void aClientThatDoesNotTrustTheDemoCaCannotConnect() throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) TlsKeyStoreExtension
                .https(base, "services/DocumentExchangeTls?wsdl").openConnection();
        assertThrows(SSLHandshakeException.class, c::getResponseCode);
    }

    @Test
    void eachWsdlListsOnlyItsOwnPortAtTheAbsoluteAddressItWasFetchedFrom() throws Exception {
        List<URL> endpoints = List.of(
                TlsKeyStoreExtension.https(base, "services/DocumentExchange"),
                TlsKeyStoreExtension.https(base, "services/DocumentExchangeTls"),
                new URL(base, "services/DocumentExchange"),
                new URL(base, "services/DocumentExchangeTls"));
        for (URL endpoint : endpoints) {
            Document wsdl = parse(get(new URL(endpoint + "?wsdl")));
            NodeList ports = wsdl.getElementsByTagNameNS(WSDL_NS, "port");
            assertEquals(1, ports.getLength(), endpoint.toString());
            Element port = (Element) ports.item(0);
            String expectedPort = endpoint.getPath().endsWith("Tls") ? "DocumentExchangeTlsPort" : "DocumentExchangePort";
            assertEquals(expectedPort, port.getAttribute("name"), endpoint.toString());
            Element address = (Element) port.getElementsByTagNameNS("*", "address").item(0);
            assertEquals(endpoint.toString(), address.getAttribute("location"));
        }
    }

    private long auditHead() throws Exception {
        String token = Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        HttpURLConnection c = (HttpURLConnection) TlsKeyStoreExtension.https(base, "admin/audit/verify")
                .openConnection();
        ((HttpsURLConnection) c).setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
        c.setRequestProperty("Authorization", "Bearer " + token);
        assertEquals(200, c.getResponseCode());
        String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"headSeq\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static String faultCode(Executable call) {
        Throwable t = assertThrows(Throwable.class, call);
        if (t instanceof ExchangeFault f) {
            return f.getFaultInfo().getCode();
        }
        assertTrue(t instanceof SOAPFaultException, "a SOAP fault: " + t);
        NodeList codes = ((SOAPFaultException) t).getFault().getDetail()
                .getElementsByTagNameNS("urn:lienthong:exchange:1", "code");
        assertFalse(codes.getLength() == 0, "fault detail carries a code");
        return codes.item(0).getTextContent();
    }

    private static org.apache.cxf.configuration.jsse.TLSClientParameters tlsParameters() throws Exception {
        var tls = new org.apache.cxf.configuration.jsse.TLSClientParameters();
        tls.setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
        return tls;
    }

    private static String get(URL url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
        }
        assertEquals(200, c.getResponseCode(), url.toString());
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
