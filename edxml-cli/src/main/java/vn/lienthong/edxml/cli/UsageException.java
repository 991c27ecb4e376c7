package vn.lienthong.edxml.cli;

/** The command line itself is wrong. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
