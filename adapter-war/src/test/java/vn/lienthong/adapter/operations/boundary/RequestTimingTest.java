package vn.lienthong.adapter.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The operation label of a timed request: a known operation from SOAPAction, else "unknown". */
class RequestTimingTest {

    @Test
    void theOperationComesFromTheSoapActionOfOurContracts() {
        assertEquals("SubmitDocument", RequestTiming.operation(
                request("POST", "/services", "/DocumentExchange", null, "\"urn:lienthong:exchange:1:SubmitDocument\"")));
        assertEquals("GetPendingDocumentIds", RequestTiming.operation(
                request("POST", "/services", "/EdocService", null, "GetPendingDocumentIds")));
        assertEquals("wsdl", RequestTiming.operation(request("GET", "/services", "/DocumentExchange", "wsdl", null)));
        assertEquals("GET", RequestTiming.operation(request("GET", "/admin", "/audit", null, null)));
    }

    /**
     * The hand list of operation names cannot drift from the contracts: it equals the operations of both WSDLs'
     * port types, and every SOAPAction their bindings declare is recognised as its operation.
     */
    @Test
    void theOperationListIsExactlyTheContractsOperations() throws Exception {
        Map<String, String> actions = new TreeMap<>(); // soapAction -> operation, from both bindings
        Set<String> operations = new TreeSet<>();
        for (String wsdl : new String[] {"wsdl/DocumentExchange.wsdl", "wsdl/EdocLegacy.wsdl"}) {
            operations.addAll(contractOperations(wsdl, actions));
        }
        assertEquals(operations, new TreeSet<>(RequestTiming.OPERATIONS),
                "RequestTiming.OPERATIONS differs from the WSDLs' operations");
        actions.forEach((action, operation) -> assertEquals(operation, RequestTiming.operation(
                request("POST", "/services", "/x", null, "\"" + action + "\"")), action));
    }

    /** The port types' operation names; the bindings' soapAction of each operation goes to {@code actions}. */
    private static Set<String> contractOperations(String wsdl, Map<String, String> actions) throws Exception {
        String ns = "http://schemas.xmlsoap.org/wsdl/";
        Set<String> names = new TreeSet<>();
        try (InputStream in = RequestTimingTest.class.getClassLoader().getResourceAsStream(wsdl)) {
            assertNotNull(in, wsdl);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(in);
            NodeList portTypes = doc.getElementsByTagNameNS(ns, "portType");
            for (int i = 0; i < portTypes.getLength(); i++) {
                NodeList ops = ((Element) portTypes.item(i)).getElementsByTagNameNS(ns, "operation");
                for (int j = 0; j < ops.getLength(); j++) {
                    names.add(((Element) ops.item(j)).getAttribute("name"));
                }
            }
            NodeList bindings = doc.getElementsByTagNameNS(ns, "binding");
            for (int i = 0; i < bindings.getLength(); i++) {
                NodeList ops = ((Element) bindings.item(i)).getElementsByTagNameNS(ns, "operation");
                for (int j = 0; j < ops.getLength(); j++) {
                    Element op = (Element) ops.item(j);
                    NodeList soap = op.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "operation");
                    if (soap.getLength() > 0 && !((Element) soap.item(0)).getAttribute("soapAction").isEmpty()) {
                        actions.put(((Element) soap.item(0)).getAttribute("soapAction"), op.getAttribute("name"));
                    }
                }
            }
        }
        assertFalse(names.isEmpty(), wsdl + ": no operation");
        return names;
    }

    @Test
    void anythingElseAClientSendsIsUnknown() {
        assertEquals("unknown", RequestTiming.operation(
                request("POST", "/services", "/DocumentExchange", null, "urn:x:" + "A".repeat(500))));
        assertEquals("unknown", RequestTiming.operation(request("POST", "/services", "/DocumentExchange", null, null)));
    }

    @Test
    void theFaceComesFromThePath() {
        assertEquals("legacy", RequestTiming.face(request("POST", "/services", "/EdocService", null, null)));
        assertEquals("ws", RequestTiming.face(request("POST", "/services", "/DocumentExchangeTls", null, null)));
        assertEquals("admin", RequestTiming.face(request("GET", "/admin", "/store/counts", null, null)));
    }

    /** A request with just what the filter reads (no servlet container in unit tests). */
    private static HttpServletRequest request(String method, String servletPath, String pathInfo, String query,
            String soapAction) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getMethod", method);
        answers.put("getServletPath", servletPath);
        answers.put("getPathInfo", pathInfo);
        answers.put("getQueryString", query);
        return (HttpServletRequest) Proxy.newProxyInstance(RequestTimingTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getHeader")) {
                        return "SOAPAction".equals(args[0]) ? soapAction : null;
                    }
                    return answers.get(m.getName());
                });
    }
}
