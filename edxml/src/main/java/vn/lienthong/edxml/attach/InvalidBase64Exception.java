package vn.lienthong.edxml.attach;

import java.io.IOException;

/** The content of an attachment is not base64 (e.g. the JMeter placeholder in a vendor example). */
public class InvalidBase64Exception extends IOException {

    private final long position;

    public InvalidBase64Exception(String message, long position) {
        super(message + " at character " + position);
        this.position = position;
    }

    /** Zero-based index of the offending character within the encoded value. */
    public long position() {
        return position;
    }
}
