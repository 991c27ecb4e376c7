package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Operator and test endpoints under {@code /_sim/}, kept apart from the API paths and not signed (bind the
 * simulator to loopback). See the module README for the list.
 */
final class AdminHandler implements HttpHandler {

    private final AxisSimulator simulator;

    AdminHandler(AxisSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/_sim/?", "");
            String method = exchange.getRequestMethod();
            switch (path) {
                case "health" -> Answers.ok(exchange, g -> g.write("ready", true));
                case "state" -> state(exchange);
                case "faults" -> faults(exchange, method);
                case "counterpart" -> counterpart(exchange, method);
                case "requests" -> requests(exchange, method);
                case "inject" -> inject(exchange);
                case "reset" -> {
                    simulator.reset();
                    Answers.ok(exchange, g -> { });
                }
                default -> Answers.fail(exchange, 404, "UNKNOWN_ADMIN_PATH", "see axis-simulator/README.md");
            }
        } catch (IllegalArgumentException e) {
            Answers.fail(exchange, 400, "BAD_REQUEST", e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void state(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", Answers.JSON);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator g = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                     .createGenerator(out)) {
            g.writeStartObject();
            g.writeStartArray("systems");
            for (SystemAccount system : simulator.config().systems()) {
                g.writeStartObject().write("systemId", system.systemId());
                g.writeStartArray("organIds");
                system.organIds().forEach(g::write);
                g.writeEnd().writeEnd();
            }
            g.writeEnd();
            g.writeStartArray("counterparts");
            simulator.config().counterpartOrganIds().forEach(g::write);
            g.writeEnd();
            writeFaults(g);
            simulator.deliveries().writeState(g);
            g.writeEnd();
        }
    }

    private void requests(HttpExchange exchange, String method) throws IOException {
        if ("DELETE".equals(method)) {
            simulator.requests().clear();
        }
        Answers.send(exchange, 200, g -> {
            g.write("status", "OK");
            g.writeStartObject("requests");
            simulator.requests().snapshot().forEach(g::write);
            g.writeEnd();
        });
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "DELETE" -> simulator.faults().clear();
            case "POST", "PUT" -> parseFaultRequest(exchange).forEach(simulator.faults()::add);
            default -> { }
        }
        Answers.send(exchange, 200, g -> {
            g.write("status", "OK");
            writeFaults(g);
        });
    }

    private void writeFaults(JsonGenerator g) {
        g.writeStartArray("faults");
        for (FaultRule rule : simulator.faults().rules()) {
            g.writeStartObject().write("mode", rule.mode().name()).write("times", rule.times())
                    .write("ms", rule.ms()).write("httpStatus", rule.httpStatus()).write("code", rule.code())
                    .write("desc", rule.desc());
            g.writeStartArray("operations");
            rule.operations().forEach(g::write);
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
    }

    /** JSON body (one rule object or an array of them) or query parameters with the same names. */
    private static java.util.List<FaultRule> parseFaultRequest(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                JsonValue value = reader.readValue();
                if (value instanceof JsonArray array) {
                    return array.stream().map(v -> faultRule(v.asJsonObject()::get)).toList();
                }
                return java.util.List.of(faultRule(value.asJsonObject()::get));
            } catch (jakarta.json.JsonException | ClassCastException e) {
                throw new IllegalArgumentException("fault body must be a JSON object or array: " + e.getMessage());
            }
        }
        Map<String, String> query = query(exchange);
        return java.util.List.of(faultRule(name -> query.containsKey(name) ? Json.createValue(query.get(name)) : null));
    }

    private static FaultRule faultRule(java.util.function.Function<String, JsonValue> field) {
        String mode = text(field.apply("mode"));
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        Set<String> operations = new LinkedHashSet<>();
        JsonValue ops = field.apply("operations");
        if (ops instanceof JsonArray array) {
            array.forEach(v -> operations.add(text(v)));
        } else if (text(ops) != null) {
            operations.addAll(Arrays.asList(text(ops).split(",")));
        }
        return new FaultRule(FaultMode.parse(mode), operations, (int) number(field.apply("times")),
                number(field.apply("ms")), (int) number(field.apply("httpStatus")), text(field.apply("code")),
                text(field.apply("desc")));
    }

    private void counterpart(HttpExchange exchange, String method) throws IOException {
        if ("POST".equals(method) || "PUT".equals(method)) {
            CounterpartScript current = simulator.counterpartScript();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> values = body.length > 0 ? jsonFields(body) : query(exchange);
            simulator.counterpartScript(new CounterpartScript(
                    values.containsKey("statuses") ? CounterpartScript.parseCodes(values.get("statuses"))
                            : current.documentStatuses(),
                    values.getOrDefault("reason", current.refusalReason()),
                    values.getOrDefault("changeAnswer", current.changeAnswer()),
                    values.containsKey("firstDelayMs") ? Duration.ofMillis(Long.parseLong(values.get("firstDelayMs")))
                            : current.firstDelay(),
                    values.containsKey("stepDelayMs") ? Duration.ofMillis(Long.parseLong(values.get("stepDelayMs")))
                            : current.stepDelay()));
        }
        CounterpartScript script = simulator.counterpartScript();
        Answers.send(exchange, 200, g -> {
            g.write("status", "OK");
            g.write("statuses", String.join(",", script.documentStatuses()));
            g.write("reason", script.refusalReason());
            g.write("changeAnswer", script.changeAnswer());
            g.write("firstDelayMs", script.firstDelay().toMillis());
            g.write("stepDelayMs", script.stepDelay().toMillis());
        });
    }

    private void inject(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Answers.fail(exchange, 405, "METHOD_NOT_ALLOWED", "POST the package bytes");
            return;
        }
        try (InputStream body = exchange.getRequestBody()) {
            Submission submission = simulator.desk().internal(Deliveries.INJECTED, body);
            Answers.ok(exchange, g -> g.write("DocId", submission.id()));
        } catch (RoutingException e) {
            Answers.fail(exchange, e.errorCode(), e.getMessage());
        }
    }

    private static Map<String, String> jsonFields(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject object = reader.readObject();
            Map<String, String> values = new HashMap<>();
            object.forEach((k, v) -> values.put(k, text(v)));
            return values;
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            }
        }
        return values;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    private static long number(JsonValue value) {
        String text = text(value);
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
    }
}
