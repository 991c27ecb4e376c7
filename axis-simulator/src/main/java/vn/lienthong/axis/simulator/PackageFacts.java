package vn.lienthong.axis.simulator;

import java.util.List;

/**
 * What the simulator needs to know about a package to route it and to answer for a counterpart, independent of the
 * EDXML parser's own model.
 *
 * @param status             true for a status package, false for a document package
 * @param businessType       BussinessDocType (0 new, 1 recall, 2 update, 3 replace); 0 for status packages
 * @param statusCode         two-digit code of a status package, else null
 * @param responseForOrganId for a status package the organisation it is addressed to (for 13 the recipient)
 * @param notation           the document's {@code Code} as it is written on paper, {@code CodeNumber/CodeNotation}
 *                           (either part alone when the other is missing); null for status packages
 */
public record PackageFacts(boolean status, String fromOrganId, List<String> toOrganIds, String documentId,
                           int businessType, String statusCode, String responseForOrganId,
                           String responseForDocumentId, String subject, String notation) {

    public PackageFacts {
        toOrganIds = toOrganIds == null ? List.of() : List.copyOf(toOrganIds);
    }

    /** {@code CodeNumber/CodeNotation} as the spec edxml-qcvn102 §4 renders them; null when both are absent. */
    public static String notation(String codeNumber, String codeNotation) {
        if (codeNumber == null || codeNotation == null) {
            return codeNumber == null ? codeNotation : codeNumber;
        }
        return codeNumber + "/" + codeNotation;
    }

    /** Where the axis delivers it: every To of a document, the ResponseFor organisation of a status. */
    public List<String> routingTargets() {
        if (status) {
            return responseForOrganId == null || responseForOrganId.isBlank() ? List.of() : List.of(responseForOrganId);
        }
        return toOrganIds;
    }

    /** The DocumentId of the original document this package is about. */
    public String subjectDocumentId() {
        return status ? responseForDocumentId : documentId;
    }
}
