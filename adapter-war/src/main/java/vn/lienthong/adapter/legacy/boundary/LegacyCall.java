package vn.lienthong.adapter.legacy.boundary;

import java.util.Locale;

import vn.lienthong.adapter.security.entity.CallerIdentity;

/** What is known about the request so far, for the audit entry. */
final class LegacyCall {
    final String action;
    LegacyReplies replies;
    /** Which legacy elements a refused recall names (error-paths.properties); null: the plain paths. */
    String scope;
    String organId;
    CallerIdentity caller;
    String detail;
    /** The HTTP peer; null when a test calls {@link EdocEndpoint#answer} directly. */
    String clientAddress;

    LegacyCall(String action) {
        this.action = action;
    }

    String actor() {
        return caller != null ? caller.username() : "legacy-anonymous";
    }

    String auditAction() {
        return EdocEndpoint.ACTIONS.contains(action) ? action.toUpperCase(Locale.ROOT) : "UNKNOWN_ACTION";
    }
}
