package vn.lienthong.edxml.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One-line descriptions of failures for operators. */
final class Messages {

    private Messages() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Nested JCA/XML messages can span lines; operators get the first one.
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
