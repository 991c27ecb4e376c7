package vn.lienthong.adapter.legacy.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.mappings.edoc.MappedMessage;

/**
 * Builds the adapter's {@link Submission} from a mapped legacy header plus the Manifest and the spooled parts.
 * Every Reference needs a part and every part a Reference (spec §8); field-level rules stay in the adapter's
 * validator so both SOAP faces refuse the same things.
 */
public final class LegacySubmissions {

    private LegacySubmissions() {
    }

    public static Submission toSubmission(MappedMessage m, List<ManifestEntry> manifest, Map<String, SpooledPart> parts) {
        Submission.Change change = change(m);
        List<Submission.IncomingAttachment> files = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        for (ManifestEntry e : manifest) {
            if (e.contentId() == null || e.contentId().isEmpty()) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "A Manifest Reference has no cid: href");
            }
            SpooledPart part = parts.get(e.contentId());
            if (part == null) {
                throw new LegacyFault(LegacyCodes.MISSING_ATTACHMENT, "No MIME part for Reference cid:" + e.contentId());
            }
            if (!referenced.add(e.contentId())) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "Two References point to cid:" + e.contentId());
            }
            String name = e.attachmentName() != null ? e.attachmentName() : e.contentId();
            files.add(Submission.IncomingAttachment.ofFile(name, contentType(part.contentType(), name),
                    e.description(), part.file()));
        }
        for (String cid : parts.keySet()) {
            if (!referenced.contains(cid)) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "MIME part " + cid + " is not referenced by the Manifest");
            }
        }
        List<Submission.Addressee> to = m.recipients().stream()
                .map(r -> new Submission.Addressee(r.organId(), r.organName())).toList();
        Submission s = new Submission(null, m.text("fromOrganId"), m.text("fromOrganName"), to, m.text("codeNumber"),
                m.text("codeNotation"), m.text("promulgationPlace"), m.date("promulgationDate"),
                m.integer("documentType"), m.text("documentTypeName"), m.text("subject"), m.text("content"),
                m.text("signerCompetence"), m.text("signerPosition"), m.text("signerFullName"), m.date("dueDate"),
                m.integer("priority"), m.text("sphereOfPromulgation"), m.flag("stateSecret"), files, change);
        // Old clients have no message id. An update or replacement is identified by its content, so a client that
        // retries after a lost answer gets the first answer instead of a second update (QCVN 102 §5.4).
        return change == null ? s : withClientMessageId(s, contentKey(m, files));
    }

    /** Type 2 (update) and 3 (replace) as the adapter's {@link Submission.Change}; null for a new document. */
    static Submission.Change change(MappedMessage m) {
        int type = m.businessType();
        if (type == 0) {
            return null;
        }
        if (type != 2 && type != 3) {
            // 1 (recall) is not a submission: the endpoint routes it to RecallService before getting here.
            throw new LegacyFault(LegacyCodes.BUSINESS_TYPE, "Business type " + type
                    + " is not 0 (new), 1 (recall), 2 (update) or 3 (replace)");
        }
        MappedMessage.Business b = m.business();
        // An update names what it updates in the block; QCVN §5.2 [P] lets MessageHeader/DocumentId stand in.
        String target = type == 2 ? firstPresent(b.targetDocumentId(), m.text("documentId")) : null;
        return new Submission.Change(type, target, b.reason(), b.contentChanged(),
                b.receiverChanges().stream().map(r -> new Submission.ReceiverChange(r.organId(), r.added())).toList(),
                b.replacements().stream().map(r -> new Submission.Replaced(r.documentId(), r.organIds())).toList());
    }

    /** Business type 1: who recalls which document and why. */
    public static LegacyRecall toRecall(MappedMessage m) {
        MappedMessage.Business b = m.business();
        String derived = null;
        if (m.text("fromOrganId") != null && m.date("promulgationDate") != null && m.text("codeNumber") != null) {
            derived = new Submission(null, m.text("fromOrganId"), null, List.of(), m.text("codeNumber"),
                    m.text("codeNotation"), null, m.date("promulgationDate"), null, null, null, null, null, null,
                    null, null, null, null, false, List.of(), null).documentId();
        }
        return new LegacyRecall(LegacyRecall.BY_SEND_DOCUMENT, m.text("fromOrganId"),
                java.util.Arrays.asList(b.targetDocumentId(), m.text("documentId"), derived), b.reason());
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Submission withClientMessageId(Submission s, String id) {
        return new Submission(id, s.fromOrganId(), s.fromOrganName(), s.recipients(), s.codeNumber(),
                s.codeNotation(), s.promulgationPlace(), s.promulgationDate(), s.documentType(), s.documentTypeName(),
                s.subject(), s.content(), s.signerCompetence(), s.signerPosition(), s.signerFullName(), s.dueDate(),
                s.priority(), s.sphereOfPromulgation(), s.stateSecret(), s.attachments(), s.change());
    }

    /** {@code edoc-sha256:} + SHA-256 over the mapped fields, the business block and every file's name and bytes. */
    static String contentKey(MappedMessage m, List<Submission.IncomingAttachment> files) {
        try {
            java.security.MessageDigest sha = Sha256.digest();
            sha.update(m.toGoldenText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] buffer = new byte[8192];
            for (Submission.IncomingAttachment a : files) {
                sha.update(("\n" + a.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (var in = a.openStream()) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return "edoc-sha256:" + Sha256.hex(sha);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The part's declared type, else the hub's derivation from the extension (spec §8). */
    static String contentType(String declared, String name) {
        if (declared != null && !declared.isBlank() && !"application/octet-stream".equals(declared)) {
            return declared;
        }
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        } else if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        } else if (n.endsWith(".doc")) {
            return "application/msword";
        } else if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        } else if (n.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        } else if (n.endsWith(".zip")) {
            return "application/zip";
        }
        return declared != null && !declared.isBlank() ? declared : "application/octet-stream";
    }
}
