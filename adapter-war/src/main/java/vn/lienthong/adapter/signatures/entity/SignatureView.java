package vn.lienthong.adapter.signatures.entity;

import java.util.List;

/** A document's verdict and its attachments' findings, as the faces show them. */
public record SignatureView(DocumentSignature document, List<AttachmentSignature> attachments) {

    public SignatureView {
        attachments = List.copyOf(attachments);
    }

    public boolean pending() {
        return document.getVerdict() == DocumentSignature.Verdict.PENDING;
    }

    /** One line per document for replies without structure (old protocol, audit): verdict, reason, signers. */
    public String summary() {
        StringBuilder b = new StringBuilder(document.getVerdict().name());
        if (document.getReason() != null) {
            b.append(": ").append(document.getReason());
        }
        for (AttachmentSignature a : attachments) {
            b.append("; #").append(a.getPosition()).append(' ').append(a.getName()).append(' ').append(a.getStatus());
            if (a.getSignerName() != null) {
                b.append(" by ").append(a.getSignerName());
                if (a.getSignerOrganisation() != null) {
                    b.append(" (").append(a.getSignerOrganisation()).append(')');
                }
            }
        }
        if (document.getPolicyNote() != null) {
            b.append("; policy: ").append(document.getPolicyNote());
        }
        return b.toString();
    }
}
