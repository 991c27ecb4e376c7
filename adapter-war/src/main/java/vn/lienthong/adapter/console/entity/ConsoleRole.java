package vn.lienthong.adapter.console.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do. The names are the Jakarta Security groups and the servlet roles
 * (glassfish-web.xml maps each group to the role of the same name).
 */
public enum ConsoleRole {
    /** Sees everything; manages client credentials, old-protocol tokens and console users; may act. */
    ADMINISTRATOR,
    /** Sees its organisations; may re-queue dead documents and recall sent ones. */
    OPERATOR,
    /** Sees its organisations; read-only. */
    VIEWER;

    public static final String ADMINISTRATOR_ROLE = "administrator";
    public static final String OPERATOR_ROLE = "operator";
    public static final String VIEWER_ROLE = "viewer";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsoleRole> of(String roleName) {
        for (ConsoleRole r : values()) {
            if (r.roleName().equals(roleName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Operators and administrators may change what happens to a document. */
    public boolean mayAct() {
        return this != VIEWER;
    }
}
