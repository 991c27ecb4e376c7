package vn.lienthong.adapter.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as the SOAP stack sees it: once the request has been refused while streaming in, whatever the
 * stack still tries to answer (its own parse-error fault) is dropped, so {@link RequestLimitFilter} can answer
 * with the limit's fault on a response nobody has written to.
 */
final class RefusableResponse extends HttpServletResponseWrapper {

    private final LimitedRequest request;
    private ServletOutputStream stream;
    private PrintWriter writer;

    RefusableResponse(HttpServletResponse response, LimitedRequest request) {
        super(response);
        this.request = request;
    }

    private boolean muted() {
        return request.refusal() != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Guarded(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1.name() : encoding));
        }
        return writer;
    }

    @Override
    public void setStatus(int sc) {
        if (!muted()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!muted()) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!muted()) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!muted()) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!muted()) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!muted()) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!muted()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!muted()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!muted()) {
            super.flushBuffer();
        }
    }

    private final class Guarded extends ServletOutputStream {

        private final ServletOutputStream out;

        Guarded(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!muted()) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!muted()) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!muted()) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!muted()) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
