package vn.lienthong.adapter.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an error in the form of the request's face ({@link Face}), replacing whatever the response held. The
 * one place the adapter's own error answers are written at the HTTP level.
 */
public final class ErrorReply {

    public static final String SYS_INTERNAL = "SYS.INTERNAL";
    private static final String INTERNAL_MESSAGE = "The adapter could not process the request; nothing was stored. "
            + "Try again later or contact the operator.";
    /** Written when the heap is exhausted: prepared at class load, so answering allocates (almost) nothing. */
    private static final byte[][] OUT_OF_MEMORY = new byte[Face.values().length][];

    static {
        for (Face f : Face.values()) {
            OUT_OF_MEMORY[f.ordinal()] = f.body(SYS_INTERNAL, null, INTERNAL_MESSAGE, false, false);
        }
    }

    private ErrorReply() {
    }

    /** The request's path inside the application, also for error dispatches (where the original one counts). */
    static String pathInApplication(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static boolean soap12(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("application/soap+xml");
    }

    /** Writes the error unless the response is already on its way (then nothing can be changed any more). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String field, String message) throws IOException {
        write(request, response, status, code, field, message, Map.of());
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, int, String, String, String)}, with headers. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String field, String message, Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Face face = Face.of(pathInApplication(request));
        boolean soap12 = soap12(request);
        byte[] body = face.body(code, field, message, status < 500, soap12);
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // An error dispatch after sendError: headers set before it (WWW-Authenticate) are part of the answer.
            response.resetBuffer();
        } else {
            response.reset();
        }
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(face.contentType(soap12));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** {@code SYS.INTERNAL}, HTTP 500. */
    public static void internal(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 500, SYS_INTERNAL, null, INTERNAL_MESSAGE);
    }

    /** {@code SYS.INTERNAL} with a body prepared in advance: for when the heap is exhausted. */
    static void outOfMemory(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Face face = Face.of(pathInApplication(request));
        byte[] body = OUT_OF_MEMORY[face.ordinal()];
        response.reset();
        response.setStatus(500);
        response.setHeader("Connection", "close");
        response.setContentType(face.contentType(false));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
