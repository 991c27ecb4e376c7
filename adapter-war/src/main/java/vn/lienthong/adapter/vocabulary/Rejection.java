package vn.lienthong.adapter.vocabulary;

import jakarta.ejb.ApplicationException;

/**
 * A request the adapter refuses, with a stable code (old-hub style: {@code N.} missing, {@code R.} out of range,
 * {@code M.} invalid value, {@code T.} wrong format, then the field path; or {@code AUTH.*}), the field and a
 * readable message. Rolls the transaction back: nothing of a refused request is stored.
 */
@ApplicationException(rollback = true)
public class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final String field;

    public Rejection(String code, String field, String message) {
        super(message, null, false, false); // no stack trace: it is an answer, not a failure
        this.code = code;
        this.field = field;
    }

    public static Rejection missing(String field) {
        return new Rejection("N." + field, field, "Missing required field " + field);
    }

    public static Rejection outOfRange(String field, String message) {
        return new Rejection("R." + field, field, message);
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection("M." + field, field, message);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
