package vn.lienthong.adapter.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

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
