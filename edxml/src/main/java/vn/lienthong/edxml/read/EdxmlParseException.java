package vn.lienthong.edxml.read;

import java.io.IOException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * The input is not well-formed XML (or breaks a hard parser limit). Carries the 1-based line and column the parser
 * reported, or -1 when it did not know. An {@link IOException} because callers treat it like a failed read.
 */
public class EdxmlParseException extends IOException {

    private final int line;
    private final int column;

    public EdxmlParseException(String message, int line, int column) {
        super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.line = line;
        this.column = column;
    }

    public EdxmlParseException(String message, int line, int column, Throwable cause) {
        this(message, line, column);
        initCause(cause);
    }

    public static EdxmlParseException from(XMLStreamException e) {
        Location loc = e.getLocation();
        String msg = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        // The JDK prefixes its message with "ParseError at [row,col]:[x,y]\nMessage: "; keep only the message.
        int idx = msg.indexOf("Message: ");
        if (idx >= 0) {
            msg = msg.substring(idx + "Message: ".length());
        }
        return new EdxmlParseException("not well-formed XML: " + readable(msg.strip()),
                loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), e);
    }

    /** The JDK reports namespace errors as message keys; turn the common ones into sentences. */
    private static String readable(String msg) {
        int key = msg.indexOf("#AttributePrefixUnbound?");
        if (key >= 0) {
            String[] parts = msg.substring(key + "#AttributePrefixUnbound?".length()).split("&");
            if (parts.length == 3) {
                return "namespace prefix '" + parts[2] + "' of attribute " + parts[1] + " on element " + parts[0]
                        + " is not declared";
            }
        }
        key = msg.indexOf("#ElementPrefixUnbound?");
        if (key >= 0) {
            String[] parts = msg.substring(key + "#ElementPrefixUnbound?".length()).split("&");
            if (parts.length == 2) {
                return "namespace prefix '" + parts[1] + "' of element " + parts[0] + " is not declared";
            }
        }
        return msg;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
