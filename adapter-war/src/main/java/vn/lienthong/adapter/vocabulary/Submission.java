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
     * Attachment as received, read as a stream whatever its size: bytes in memory (small inline content), a file
     * spooled to disk by the old protocol's reader, or a stream over an MTOM part that CXF spooled to disk. Its
     * size is known up front for bytes and files ({@code knownSize}, else -1: counted while it is stored).
     * {@code declaredSha256}: the SHA-256 (hex) the client declared for it, checked while it is stored; null if
     * none was declared.
     */
    public record IncomingAttachment(String name, String contentType, String description, Source source,
            long knownSize, String declaredSha256) {

        /** Opens the attachment's bytes; may be called more than once. */
        @FunctionalInterface
        public interface Source {
            java.io.InputStream open() throws java.io.IOException;
        }

        public static IncomingAttachment ofBytes(String name, String contentType, String description,
                byte[] content) {
            byte[] bytes = content == null ? new byte[0] : content;
            return new IncomingAttachment(name, contentType, description,
                    () -> new java.io.ByteArrayInputStream(bytes), bytes.length, null);
        }

        public static IncomingAttachment ofFile(String name, String contentType, String description,
                java.nio.file.Path file) {
            try {
                return new IncomingAttachment(name, contentType, description,
                        () -> java.nio.file.Files.newInputStream(file), java.nio.file.Files.size(file), null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public static IncomingAttachment ofStream(String name, String contentType, String description,
                Source source, String declaredSha256) {
            return new IncomingAttachment(name, contentType, description, source, -1, declaredSha256);
        }

        public java.io.InputStream openStream() throws java.io.IOException {
            return source.open();
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
