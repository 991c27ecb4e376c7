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
        return new EdxmlParseException("not well-formed XML: " + msg.strip(),
                loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), e);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
