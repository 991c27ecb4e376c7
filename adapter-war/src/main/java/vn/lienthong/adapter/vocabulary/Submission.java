package vn.lienthong.adapter.vocabulary;

import java.time.LocalDate;
import java.util.List;

import vn.lienthong.edxml.id.DocumentId;

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
        List<IncomingAttachment> attachments,
        Change change) {

    /** An update (type 2) or replacement (type 3); null for a new document. */
    public record Change(int type, String targetDocumentId, String reason, boolean contentChanged,
            List<ReceiverChange> receiverChanges, List<Replaced> replaces) {
    }

    public record ReceiverChange(String organId, boolean added) {
    }

    public record Replaced(String documentId, List<String> organIds) {
    }

    public int businessType() {
        return change == null ? 0 : change.type();
    }

    public record Addressee(String organId, String organName) {
    }

    /**
     * Attachment as received: either its bytes ({@code content}) or, for large parts streamed to disk by the
     * legacy endpoint, a spooled {@code file} that is read as a stream. The SOAP layer already bounded its size.
     */
    public record IncomingAttachment(String name, String contentType, String description, byte[] content,
            java.nio.file.Path file) {

        public IncomingAttachment(String name, String contentType, String description, byte[] content) {
            this(name, contentType, description, content, null);
        }

        public long size() {
            try {
                return file != null ? java.nio.file.Files.size(file) : content == null ? 0 : content.length;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public java.io.InputStream openStream() throws java.io.IOException {
            return file != null ? java.nio.file.Files.newInputStream(file) : new java.io.ByteArrayInputStream(content);
        }
    }

    /** True when the parts of the DocumentId are present and free of its separators (',' and '/'). */
    public boolean hasDocumentIdParts() {
        return fromOrganId != null && promulgationDate != null && codeNumber != null && !fromOrganId.contains(",")
                && !codeNumber.contains(",") && !codeNumber.contains("/");
    }

    /** {@code OrganId,yyyy/MM/dd,Number/Notation}: the de-facto DocumentId form of QCVN 102 traffic. */
    public String documentId() {
        return DocumentId.compose(fromOrganId, promulgationDate, codeNumber, codeNotation);
    }
}
