package vn.lienthong.adapter.exchange.boundary;

import java.sql.SQLException;

/** Recognises a unique-key violation (SQLState 23505 on PostgreSQL and H2) anywhere in an exception's causes. */
final class UniqueKeyViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeyViolation() {
    }

    static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
