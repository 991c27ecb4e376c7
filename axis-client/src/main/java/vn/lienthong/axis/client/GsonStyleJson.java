package vn.lienthong.axis.client;

/**
 * Writes JSON strings the way the SDK's Gson instance does. The signed header is compared as a byte string, so our
 * escaping must match Gson's defaults exactly, including its "HTML-safe" escapes of {@code < > & = '}.
 */
final class GsonStyleJson {

    private GsonStyleJson() {
    }

    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '=', '\'', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A JSON array of strings as compact text, e.g. the {@code to} parameter {@code ["a","b"]}. */
    static String stringArray(Iterable<String> values) {
        StringBuilder out = new StringBuilder("[");
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            appendQuoted(out, value);
            first = false;
        }
        return out.append(']').toString();
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append(String.format("\\u%04x", (int) c));
    }
}
