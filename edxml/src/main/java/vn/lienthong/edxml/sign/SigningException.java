package vn.lienthong.edxml.sign;

import java.io.IOException;

/** The input is well-formed but cannot be signed as it is (not an EDXML package, already signed, ...). */
public class SigningException extends IOException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
