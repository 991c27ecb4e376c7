package vn.lienthong.edxml.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the exact bytes of the reference layout: two-space indentation, LF line ends, UTF-8, no XML writer
 * library deciding prefixes or empty-element forms for us. Text is escaped here; names are trusted constants.
 */
final class XmlTextWriter {

    private final OutputStream out;

    XmlTextWriter(OutputStream out) {
        this.out = out;
    }

    void raw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    void indent(int depth) throws IOException {
        raw("\n" + "  ".repeat(depth));
    }

    void start(int depth, String qname) throws IOException {
        indent(depth);
        raw("<" + qname + ">");
    }

    void end(int depth, String qname) throws IOException {
        indent(depth);
        raw("</" + qname + ">");
    }

    /** A leaf element on its own line; skipped when the value is null or empty (reference writer rule §3.1). */
    void leaf(int depth, String qname, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        indent(depth);
        raw("<" + qname + ">");
        raw(escapeText(value));
        raw("</" + qname + ">");
    }

    /** Negative integers are omitted like null ones, as the reference writer does (§3.1). */
    void leaf(int depth, String qname, Integer value) throws IOException {
        if (value != null && value >= 0) {
            leaf(depth, qname, value.toString());
        }
    }

    static String escapeText(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                // A literal CR would be normalised away by every parser; the reference keeps it as a character.
                case '\r' -> "&#13;";
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        throw new IllegalArgumentException("control character U+"
                                + Integer.toHexString(c) + " cannot be written in XML 1.0");
                    }
                    yield null;
                }
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
