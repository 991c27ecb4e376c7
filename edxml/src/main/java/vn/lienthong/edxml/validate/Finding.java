package vn.lienthong.edxml.validate;

import java.util.Objects;

/**
 * One result of reading or validating. {@code code} is stable and follows the old hubs' families with a dotted
 * element path (legacy-edoc-soap.md §5.2): {@code N.} missing, {@code R.} out of range (length, count, size),
 * {@code M.} mismatch or invalid value, {@code T.} wrong type or format — e.g. {@code N.MessageHeader.From.OrganId}.
 * {@code path} is the element path alone; {@code message} is English text without personal data.
 */
public record Finding(String code, Severity severity, String path, String message) {

    public enum Family {
        MISSING("N"), RANGE("R"), INVALID("M"), FORMAT("T");

        private final String letter;

        Family(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }

    public Finding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(path);
        Objects.requireNonNull(message);
    }

    public static Finding of(Family family, Severity severity, String path, String message) {
        return new Finding(family.letter() + "." + path, severity, path, message);
    }

    public static Finding missing(Severity severity, String path, String message) {
        return of(Family.MISSING, severity, path, message);
    }

    public static Finding range(Severity severity, String path, String message) {
        return of(Family.RANGE, severity, path, message);
    }

    public static Finding invalid(Severity severity, String path, String message) {
        return of(Family.INVALID, severity, path, message);
    }

    public static Finding format(Severity severity, String path, String message) {
        return of(Family.FORMAT, severity, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + code + ": " + message;
    }
}
