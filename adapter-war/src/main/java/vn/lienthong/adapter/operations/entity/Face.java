package vn.lienthong.adapter.operations.entity;

import java.util.List;

/** The face a document, request or audit entry belongs to, as a metric label (a closed set, never client text). */
public final class Face {

    public static final String WS = "ws";
    public static final String LEGACY = "legacy";
    public static final String ADMIN = "admin";
    public static final String AXIS = "axis";
    public static final String OTHER = "other";
    /** The faces documents are submitted through. */
    public static final List<String> SUBMITTING = List.of(WS, LEGACY);
    /** Old-protocol callers' user names start with this (security.control.OrganisationAuthority.LEGACY_PREFIX). */
    private static final String LEGACY_USER = "legacy";
    /** Audit actions of the WS-Security face's operations (exchange.boundary.DocumentExchangeEndpoint). */
    private static final java.util.Set<String> WS_ACTIONS = java.util.Set.of("SUBMIT", "RECALL", "STATUS", "HISTORY",
            "LIST_INCOMING", "GET_INCOMING", "ACK_INCOMING", "REPORT_STATUS", "ORGANISATIONS", "AUTHORISATION");

    private Face() {
    }

    /** The face of a document from the user who submitted it. */
    public static String ofSubmitter(String submittedBy) {
        return submittedBy != null && submittedBy.startsWith(LEGACY_USER) ? LEGACY : WS;
    }

    /** The face of an audit entry from its actor and action. */
    public static String ofAudit(String actor, String action) {
        String a = action == null ? "" : action;
        if (a.startsWith("LEGACY_") || actor != null && actor.startsWith(LEGACY_USER)) {
            return LEGACY;
        }
        if (a.startsWith("ADMIN")) {
            return ADMIN;
        }
        if (a.startsWith("RECEIVE")) {
            return AXIS;
        }
        return a.startsWith("WS_") || WS_ACTIONS.contains(a) ? WS : OTHER;
    }
}
