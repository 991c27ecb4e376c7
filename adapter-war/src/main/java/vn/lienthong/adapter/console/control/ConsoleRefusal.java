package vn.lienthong.adapter.console.control;

import jakarta.ejb.ApplicationException;

/**
 * A console request refused with a stable code (shown on the page, written to the audit trail) and the HTTP
 * status of the answer. Rolls back whatever the refused action had begun.
 */
@ApplicationException(rollback = true)
public class ConsoleRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The user's role does not allow the action (a viewer acting, a non-administrator managing credentials). */
    public static final String ROLE = "AUTH.ROLE";
    /** The document or item belongs to an organisation the user may not see. */
    public static final String ORGANISATION = "AUTH.ORGANISATION";
    /** A form sent without the session's token (or with another one). */
    public static final String CSRF = "AUTH.CSRF";
    public static final String NOT_FOUND = "SYS.NOT_FOUND";
    /** Re-queue of a document that is not dead, recall of one that cannot be recalled. */
    public static final String STATE = "STATE.NOT_ALLOWED";
    /** A form field missing or malformed; the message names it. */
    public static final String INPUT = "M.FORM";
    public static final String TLS = "AUTH.TLS_REQUIRED";

    private final String code;
    private final int status;

    public ConsoleRefusal(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
