package vn.lienthong.adapter.web;

import java.io.IOException;

/**
 * Thrown into the reader of a request body (CXF) when the request crosses a limit while it streams in; the
 * {@link RequestLimitFilter} answers it once the reader has given up. An {@link IOException}, so every parser
 * stops reading at once.
 */
final class RequestRefusal extends IOException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String field;

    RequestRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a refusal, not a failure: no stack trace to collect
    }
}
