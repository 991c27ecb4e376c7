package vn.lienthong.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class LimitedRequestTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aBodyWithinTheLimitIsDeliveredWhole() throws IOException {
        InFlightBudget budget = new InFlightBudget(10 * MIB);
        LimitedRequest r = new LimitedRequest(requestWithBody(1000), 1000, budget, 0);
        assertEquals(1000, r.getInputStream().readAllBytes().length);
        assertEquals(null, r.refusal());
    }

    @Test
    void aStreamingBodyIsCutOffAtTheLimitAndStaysRefused() throws IOException {
        LimitedRequest r = new LimitedRequest(requestWithBody(5 * MIB), 2 * MIB, new InFlightBudget(10 * MIB), 0);
        InputStream in = r.getInputStream();
        RequestRefusal refusal = assertThrows(RequestRefusal.class, in::readAllBytes);
        assertEquals(RequestLimitFilter.REQUEST_SIZE, refusal.code);
        assertEquals("adapter.limits.request-bytes", refusal.field);
        assertEquals(413, refusal.status);
        assertTrue(refusal.getMessage().contains(Long.toString(2 * MIB)), refusal.getMessage());
        assertTrue(r.bytesRead() <= 2 * MIB + 64 * 1024, "no more than one buffer past the limit: " + r.bytesRead());
        assertSame(refusal, r.refusal());
        assertSame(refusal, assertThrows(RequestRefusal.class, in::read), "a reader that insists gets nothing more");
    }

    @Test
    void aStreamingBodyThatNoLongerFitsTheInFlightBudgetIsBusy() throws IOException {
        InFlightBudget budget = new InFlightBudget(3 * MIB);
        assertTrue(budget.tryReserve(2 * MIB)); // another request holds two thirds
        LimitedRequest r = new LimitedRequest(requestWithBody(2 * MIB), 8 * MIB, budget, 0);
        RequestRefusal refusal = assertThrows(RequestRefusal.class, () -> r.getInputStream().readAllBytes());
        assertEquals(RequestLimitFilter.BUSY, refusal.code);
        assertEquals(503, refusal.status);
        assertEquals(3 * MIB, budget.reserved(), "the budget is full, never over");
        budget.release(r.reserved());
        budget.release(2 * MIB);
        assertEquals(0, budget.reserved());
    }

    @Test
    void aDeclaredLengthIsReservedOnceAndNotAgainWhileReading() throws IOException {
        InFlightBudget budget = new InFlightBudget(4 * MIB);
        assertTrue(budget.tryReserve(3 * MIB));
        LimitedRequest r = new LimitedRequest(requestWithBody(3 * MIB), 8 * MIB, budget, 3 * MIB);
        assertEquals(3 * MIB, r.getInputStream().readAllBytes().length);
        assertEquals(3 * MIB, r.reserved());
        assertFalse(budget.tryReserve(2 * MIB));
    }

    @Test
    void aMultipartRequestReservesOnlyItsEnvelopesShare() throws IOException {
        // 40 MiB of MTOM parts stream to disk: only the envelope's 2 MiB share is taken from a 4 MiB budget.
        InFlightBudget budget = new InFlightBudget(4 * MIB);
        LimitedRequest r = new LimitedRequest(requestWithBody(40 * MIB), 64 * MIB, budget, 0, 2 * MIB, false);
        assertEquals(40 * MIB, r.getInputStream().readAllBytes().length);
        assertEquals(null, r.refusal());
        assertEquals(2 * MIB, r.reserved());
        assertEquals(2 * MIB, budget.reserved());
        assertTrue(budget.tryReserve(2 * MIB), "the rest of the budget stays free for other requests");
    }

    @Test
    void aMultipartRequestIsStillCutOffAtTheRequestLimit() throws IOException {
        LimitedRequest r = new LimitedRequest(requestWithBody(40 * MIB), 16 * MIB, new InFlightBudget(4 * MIB), 0,
                2 * MIB, false);
        RequestRefusal refusal = assertThrows(RequestRefusal.class, () -> r.getInputStream().readAllBytes());
        assertEquals(RequestLimitFilter.REQUEST_SIZE, refusal.code);
        assertEquals("adapter.limits.request-bytes", refusal.field);
    }

    @Test
    void aPlainRequestOverTheEnvelopeLimitNamesTheEnvelopeSetting() throws IOException {
        LimitedRequest r = new LimitedRequest(requestWithBody(5 * MIB), 2 * MIB, new InFlightBudget(10 * MIB), 0,
                2 * MIB, true);
        RequestRefusal refusal = assertThrows(RequestRefusal.class, () -> r.getInputStream().readAllBytes());
        assertEquals(RequestLimitFilter.REQUEST_SIZE, refusal.code);
        assertEquals("adapter.limits.envelope-bytes", refusal.field);
        assertTrue(refusal.getMessage().contains("MTOM"), refusal.getMessage());
    }

    @Test
    void aMultipartBodyPast2GiBIsCountedInLongsAndCutOffOnlyAtItsLimit() throws IOException {
        // 2 GiB MTOM uploads: no int anywhere between the first byte and the limit (nothing is copied here).
        long twoGiB = 1L << 31;
        InFlightBudget budget = new InFlightBudget(4 * MIB);
        LimitedRequest within = new LimitedRequest(requestWithBody(twoGiB + 5 * MIB), twoGiB + 8 * MIB, budget, 0,
                2 * MIB, false);
        assertEquals(twoGiB + 5 * MIB, drain(within.getInputStream()));
        assertEquals(null, within.refusal());
        assertEquals(twoGiB + 5 * MIB, within.bytesRead());
        assertEquals(2 * MIB, within.reserved(), "the envelope's share, not the parts'");
        budget.release(within.reserved());

        LimitedRequest over = new LimitedRequest(requestWithBody(twoGiB + 5 * MIB), twoGiB + MIB, budget, 0,
                2 * MIB, false);
        RequestRefusal refusal = assertThrows(RequestRefusal.class, () -> drain(over.getInputStream()));
        assertEquals(RequestLimitFilter.REQUEST_SIZE, refusal.code);
        assertTrue(refusal.getMessage().contains(Long.toString(twoGiB + MIB)), refusal.getMessage());
        assertTrue(over.bytesRead() > twoGiB + MIB && over.bytesRead() <= twoGiB + 2 * MIB, "" + over.bytesRead());
    }

    /** Reads to the end through a 1 MiB buffer, as the MIME reader does; the number of bytes. */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[(int) MIB];
        long total = 0;
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0;) {
            total += n;
        }
        return total;
    }

    private static HttpServletRequest requestWithBody(long size) {
        ServletInputStream body = new ServletInputStream() {
            private final InputStream in = new InputStream() {
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 'A' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    left -= n;
                    return n;
                }
            };

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(LimitedRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInputStream")) {
                        return body;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
