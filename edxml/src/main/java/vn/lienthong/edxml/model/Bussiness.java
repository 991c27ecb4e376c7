package vn.lienthong.edxml.model;

import java.util.List;

/**
 * The {@code Bussiness} block (double "s" as in QCVN packages, spec §4.3). {@code type} is null only when the
 * received value was not a known business type; a package without the block is read as {@link BusinessType#NEW}.
 * {@code paper} is emitted as 0 by us and stored verbatim on receipt.
 */
public record Bussiness(String documentId, BusinessType type, String reason, Integer paper,
                        List<BussinessDocumentInfo> documentInfos, List<ReplacementInfo> replacementInfos,
                        List<StaffInfo> staffInfos) {

    public Bussiness {
        documentInfos = documentInfos == null ? List.of() : List.copyOf(documentInfos);
        replacementInfos = replacementInfos == null ? List.of() : List.copyOf(replacementInfos);
        staffInfos = staffInfos == null ? List.of() : List.copyOf(staffInfos);
    }

    public static Bussiness newDocument(String reason, StaffInfo staff) {
        return new Bussiness(null, BusinessType.NEW, reason, 0, List.of(), List.of(),
                staff == null ? List.of() : List.of(staff));
    }
}
