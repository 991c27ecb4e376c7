package vn.lienthong.edxml.model;

import java.time.LocalDate;
import java.util.List;

/** {@code MessageHeader} of a document package, fields in the reference order of spec §3.1. */
public record MessageHeader(Organization from, List<Organization> to, String documentId, DocumentCode code,
                            PromulgationInfo promulgationInfo, DocumentType documentType, String subject,
                            String content, SignerInfo signerInfo, LocalDate dueDate, OtherInfo otherInfo,
                            List<ResponseFor> responseFor, Integer steeringType, List<String> responseForTask,
                            String applicationType, List<String> toPlaces) {

    public MessageHeader {
        to = to == null ? List.of() : List.copyOf(to);
        responseFor = responseFor == null ? List.of() : List.copyOf(responseFor);
        responseForTask = responseForTask == null ? List.of() : List.copyOf(responseForTask);
        toPlaces = toPlaces == null ? List.of() : List.copyOf(toPlaces);
    }
}
