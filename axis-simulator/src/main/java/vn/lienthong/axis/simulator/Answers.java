package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Writes axis-style JSON answers ({@code status}, {@code ErrorCode}, {@code ErrorDesc} plus data). */
final class Answers {

    /** Created once: {@code Json.createGenerator} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(null);

    static final String JSON = "application/json; charset=UTF-8";

    private Answers() {
    }

    /** A small success answer; {@code extra} adds members after the common ones. */
    static void ok(HttpExchange exchange, Consumer<JsonGenerator> extra) throws IOException {
        send(exchange, 200, g -> {
            common(g, "OK", "0", "Success");
            extra.accept(g);
        });
    }

    static void fail(HttpExchange exchange, String errorCode, String errorDesc) throws IOException {
        fail(exchange, 200, errorCode, errorDesc);
    }

    static void fail(HttpExchange exchange, int httpStatus, String errorCode, String errorDesc) throws IOException {
        send(exchange, httpStatus, g -> common(g, "FAIL", errorCode, errorDesc));
    }

    /** A refusal with extra members after the common ones (sendEdoc's empty {@code DocId}). */
    static void fail(HttpExchange exchange, int httpStatus, String errorCode, String errorDesc,
                     Consumer<JsonGenerator> extra) throws IOException {
        send(exchange, httpStatus, g -> {
            common(g, "FAIL", errorCode, errorDesc);
            extra.accept(g);
        });
    }

    /**
     * Sends the status line and headers, after reading what is left of the request body (see {@link RequestBody});
     * every answer of the API goes through here. {@code length} as in {@code sendResponseHeaders} (0 = chunked).
     */
    static void begin(HttpExchange exchange, int httpStatus, long length) throws IOException {
        if (exchange.getRequestBody() instanceof RequestBody body && !body.discardRest()) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(httpStatus, length);
    }

    /** A success answer whose {@code data} array is written while it is produced (chunked), for long lists. */
    static void okStreamingData(HttpExchange exchange, Consumer<JsonGenerator> elements) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        begin(exchange, 200, 0);
        try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
             JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            common(g, "OK", "0", "Success");
            g.writeStartArray("data");
            elements.accept(g);
            g.writeEnd();
            g.writeEnd();
        }
    }

    static void send(HttpExchange exchange, int httpStatus, Consumer<JsonGenerator> members) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = GENERATORS.createGenerator(buffer)) {
            g.writeStartObject();
            members.accept(g);
            g.writeEnd();
        }
        byte[] body = buffer.toByteArray();
        exchange.getResponseHeaders().set("Content-Type", JSON);
        begin(exchange, httpStatus, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void text(HttpExchange exchange, int httpStatus, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        begin(exchange, httpStatus, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void common(JsonGenerator g, String status, String code, String desc) {
        g.write("status", status);
        g.write("ErrorCode", code);
        g.write("ErrorDesc", desc == null ? "" : desc);
    }
}
