package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OwnPortWsdlTest {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";

    @Test
    void eachEndpointsWsdlListsOnlyItsOwnPortAtTheAbsoluteAddress() throws Exception {
        for (String port : new String[] {"DocumentExchangePort", "DocumentExchangeTlsPort"}) {
            Document wsdl = served();
            String address = "https://adapter.example:8181/lienthong/services/x";
            OwnPortWsdl.keepOnly(wsdl, port, address);
            NodeList ports = wsdl.getElementsByTagNameNS(WSDL_NS, "port");
            assertEquals(1, ports.getLength(), port);
            Element only = (Element) ports.item(0);
            assertEquals(port, only.getAttribute("name"));
            Element soapAddress = (Element) only.getElementsByTagNameNS("*", "address").item(0);
            assertEquals(address, soapAddress.getAttribute("location"));
        }
    }

    @Test
    void onlyTheContainersTlsOrAConfiguredProxyHeaderCountsAsTls() {
        TransportSecurity none = new TransportSecurity(Optional.empty());
        TransportSecurity proxied = new TransportSecurity(Optional.of("X-Forwarded-Proto"));

        assertTrue(none.overTls(request(true, Map.of())));
        assertFalse(none.overTls(request(false, Map.of("X-Forwarded-Proto", "https"))));
        assertTrue(proxied.overTls(request(false, Map.of("X-Forwarded-Proto", "https"))));
        assertFalse(proxied.overTls(request(false, Map.of("X-Forwarded-Proto", "http"))));
        assertFalse(proxied.overTls(request(false, Map.of())));
        assertEquals("https", proxied.clientScheme(request(false, Map.of("X-Forwarded-Proto", "HTTPS"))));
    }

    private static Document served() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = OwnPortWsdlTest.class.getResourceAsStream("/wsdl/DocumentExchange.wsdl")) {
            Document d = f.newDocumentBuilder().parse(in);
            assertEquals(2, d.getElementsByTagNameNS(WSDL_NS, "port").getLength());
            return d;
        }
    }

    /** A request that answers only what TransportSecurity asks: isSecure and one header. */
    private static HttpServletRequest request(boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(OwnPortWsdlTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
