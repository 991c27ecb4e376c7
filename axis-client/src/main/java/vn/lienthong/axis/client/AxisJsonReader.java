package vn.lienthong.axis.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams an axis answer: top-level scalars are collected, each object of the {@code data} array is handed to the
 * consumer as soon as it is parsed. Memory stays bounded by one element however long the list is (the agency list
 * has more than 100,000 entries).
 */
final class AxisJsonReader {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    private AxisJsonReader() {
    }

    static AxisAnswer read(InputStream body, Consumer<JsonObject> dataElements) {
        Map<String, String> scalars = new HashMap<>();
        try (JsonParser parser = PARSERS.createParser(body)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new jakarta.json.JsonException("answer is not a JSON object");
            }
            JsonParser.Event event;
            while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                if (event != JsonParser.Event.KEY_NAME) {
                    throw new jakarta.json.JsonException("unexpected " + event);
                }
                String member = parser.getString();
                JsonParser.Event value = parser.next();
                switch (value) {
                    case START_ARRAY -> {
                        if ("data".equals(member)) {
                            readElements(parser, dataElements);
                        } else {
                            parser.skipArray();
                        }
                    }
                    case START_OBJECT -> parser.skipObject();
                    case VALUE_NULL -> scalars.put(member, null);
                    case VALUE_STRING, VALUE_NUMBER -> scalars.put(member, parser.getString());
                    case VALUE_TRUE -> scalars.put(member, "true");
                    case VALUE_FALSE -> scalars.put(member, "false");
                    default -> throw new jakarta.json.JsonException("unexpected " + value);
                }
            }
        }
        return new AxisAnswer(scalars);
    }

    private static void readElements(JsonParser parser, Consumer<JsonObject> dataElements) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            if (event == JsonParser.Event.START_OBJECT) {
                dataElements.accept(parser.getObject());
            } else if (event == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
    }

    /** A member as text whatever its JSON type; the axis sends strings but tolerance costs nothing here. */
    static String text(JsonObject object, String member) {
        JsonValue value = object.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return object.getString(member);
        }
        return value.toString();
    }
}
