package vn.lienthong.adapter.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the SOAP stack sees it: its body counts the bytes it delivers and stops with a
 * {@link RequestRefusal} the moment they cross the request limit (whatever Content-Length said, or with chunked
 * transfer encoding) or no longer fit in the {@link InFlightBudget}. Nothing beyond the limit is ever read.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

    /** A streaming request reserves budget in blocks of this size. */
    static final long BLOCK = 256 * 1024;

    private final long limit;
    private final InFlightBudget budget;
    private final long heapShare;
    private final boolean envelopeBound;
    private long reserved;
    private long count;
    private RequestRefusal refusal;
    private ServletInputStream stream;

    /**
     * @param heapShare the most this request holds in memory (its envelope; MTOM parts spill to disk): bytes
     *                  beyond it are counted against {@code limit} but reserve no more in-flight budget
     * @param envelopeBound a plain request whose limit is the envelope limit (named in the refusal)
     */
    LimitedRequest(HttpServletRequest request, long limit, InFlightBudget budget, long reservedUpFront,
            long heapShare, boolean envelopeBound) {
        super(request);
        this.envelopeBound = envelopeBound;
        this.limit = limit;
        this.budget = budget;
        this.reserved = reservedUpFront;
        this.heapShare = heapShare;
    }

    /** A plain request: all of it counts against the in-flight budget. */
    LimitedRequest(HttpServletRequest request, long limit, InFlightBudget budget, long reservedUpFront) {
        this(request, limit, budget, reservedUpFront, limit, false);
    }

    /** The refusal the body ran into, or null. */
    RequestRefusal refusal() {
        return refusal;
    }

    long bytesRead() {
        return count;
    }

    long reserved() {
        return reserved;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counting(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private void counted(long n) throws RequestRefusal {
        if (refusal != null) {
            throw refusal;
        }
        count += n;
        if (count > limit) {
            throw refuse(RequestLimitFilter.tooLarge(limit, envelopeBound));
        }
        while (count > reserved && reserved < heapShare) {
            long block = Math.min(BLOCK, heapShare - reserved);
            if (!budget.tryReserve(block)) {
                throw refuse(RequestLimitFilter.busy());
            }
            reserved += block;
        }
    }

    private RequestRefusal refuse(RequestRefusal r) {
        refusal = r;
        return r;
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (refusal != null) {
                throw refusal;
            }
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (refusal != null) {
                throw refusal;
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
