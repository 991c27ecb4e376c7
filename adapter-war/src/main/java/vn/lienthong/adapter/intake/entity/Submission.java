package vn.lienthong.adapter.intake.entity;

import java.time.LocalDate;
import java.util.List;

/** An outgoing document as a client submitted it, before it is stored and packaged. */
public record Submission(
        String clientMessageId,
        String fromOrganId,
        String fromOrganName,
        List<Addressee> recipients,
        String codeNumber,
        String codeNotation,
        String promulgationPlace,
        LocalDate promulgationDate,
        Integer documentType,
        String documentTypeName,
        String subject,
        String content,
        String signerCompetence,
        String signerPosition,
        String signerFullName,
        LocalDate dueDate,
        Integer priority,
        String sphereOfPromulgation,
        boolean stateSecret,
        List<IncomingAttachment> attachments) {

    public record Addressee(String organId, String organName) {
    }

    /** Attachment bytes as received; the SOAP layer already bounded their size. */
    public record IncomingAttachment(String name, String contentType, String description, byte[] content) {
    }

    /** {@code OrganId,yyyy/MM/dd,Number/Notation}: the de-facto DocumentId form of QCVN 102 traffic. */
    public String documentId() {
        return fromOrganId + "," + String.format("%04d/%02d/%02d", promulgationDate.getYear(),
                promulgationDate.getMonthValue(), promulgationDate.getDayOfMonth())
                + "," + codeNumber + "/" + codeNotation;
    }
}
