package vn.lienthong.adapter.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/**
 * The console's request bound, decided from the headers alone: a declared length over 64 KiB, or a request that
 * may carry a body without declaring its length — chunked over HTTP/1.1, or over HTTP/2, where a streamed body
 * comes with neither Content-Length nor Transfer-Encoding — is refused before the chain runs.
 */
class ConsoleHeadersFilterTest {

    @Test
    void aBodyOfUnknownOrExcessiveLengthNeverReachesTheConsole() throws Exception {
        assertRefused("POST", -1, null); // HTTP/2: no length, no Transfer-Encoding
        assertRefused("POST", -1, "chunked");
        assertRefused("PUT", -1, null);
        assertRefused("POST", ConsoleHeadersFilter.MAX_BODY_BYTES + 1, null);
        assertRefused("GET", ConsoleHeadersFilter.MAX_BODY_BYTES + 1, null);
    }

    @Test
    void formsAndPagesPass() throws Exception {
        assertPassed("POST", 0); // a form without fields: browsers declare 0
        assertPassed("POST", ConsoleHeadersFilter.MAX_BODY_BYTES);
        assertPassed("GET", -1);
        assertPassed("HEAD", -1);
    }

    private static void assertRefused(String method, long length, String transferEncoding) throws Exception {
        Result r = run(method, length, transferEncoding);
        assertFalse(r.chained, method + " " + length);
        assertEquals(413, r.status.get());
        assertTrue(r.body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("LIMIT.REQUEST_SIZE"));
    }

    private static void assertPassed(String method, long length) throws Exception {
        assertTrue(run(method, length, null).chained, method + " " + length);
    }

    private record Result(boolean chained, AtomicInteger status, ByteArrayOutputStream body) {
    }

    private static Result run(String method, long length, String transferEncoding) throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        jakarta.servlet.http.HttpSession session = (jakarta.servlet.http.HttpSession) Proxy.newProxyInstance(
                ConsoleHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get(a[0]);
                    case "getId" -> "s";
                    default -> null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                ConsoleHeadersFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContentLengthLong" -> length;
                    case "getHeader" -> "Transfer-Encoding".equalsIgnoreCase((String) a[0]) ? transferEncoding : null;
                    case "getRequestURI" -> "/lienthong/console/users/create";
                    case "getContextPath" -> "/lienthong";
                    case "getSession" -> session;
                    case "isSecure" -> true;
                    default -> null;
                });
        AtomicInteger status = new AtomicInteger(200);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                ConsoleHeadersFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) a[0]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "isCommitted" -> false;
                    case "getHeaders" -> java.util.List.of();
                    default -> null;
                });
        AtomicBoolean chained = new AtomicBoolean();
        new ConsoleHeadersFilter().doFilter(request, response, (q, s) -> chained.set(true));
        return new Result(chained.get(), status, body);
    }
}
