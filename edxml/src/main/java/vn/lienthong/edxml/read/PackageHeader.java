package vn.lienthong.edxml.read;

import java.util.List;

/**
 * The routing facts of a package, as found by {@link EdxmlHeaderScanner}. Values are trimmed text as received
 * (no validation); absent values are null. {@code statusCode} is normalised to two digits; {@code businessType}
 * is null when the Bussiness block is absent (read it as 0) or not numeric.
 */
public record PackageHeader(PackageKind kind, String fromOrganId, List<String> toOrganIds, String documentId,
                            Integer businessType, String statusCode, String responseForOrganId,
                            String responseForDocumentId, String subject, Integer priority,
                            String codeNumber, String codeNotation) {

    public PackageHeader {
        toOrganIds = toOrganIds == null ? List.of() : List.copyOf(toOrganIds);
    }
}
