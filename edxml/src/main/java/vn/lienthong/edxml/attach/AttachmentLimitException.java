package vn.lienthong.edxml.attach;

import java.io.IOException;

/** A configured size, count or expansion limit was exceeded (spec §15.2: rejected, nothing stored). */
public class AttachmentLimitException extends IOException {

    public AttachmentLimitException(String message) {
        super(message);
    }
}
