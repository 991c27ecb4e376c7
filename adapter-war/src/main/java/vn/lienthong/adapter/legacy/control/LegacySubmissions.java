package vn.lienthong.adapter.legacy.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lienthong.adapter.intake.entity.Submission;
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
        Integer business = m.integer("businessDocType");
        if (business != null && business != 0) {
            throw new LegacyFault("M.TraceHeaderList.Business.BusinessDocType",
                    "Only new documents (business type 0) are accepted through the old protocol; use the WS service");
        }
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
            files.add(new Submission.IncomingAttachment(name, contentType(part.contentType(), name), e.description(),
                    null, part.file()));
        }
        for (String cid : parts.keySet()) {
            if (!referenced.contains(cid)) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "MIME part " + cid + " is not referenced by the Manifest");
            }
        }
        List<Submission.Addressee> to = m.recipients().stream()
                .map(r -> new Submission.Addressee(r.organId(), r.organName())).toList();
        return new Submission(null, m.text("fromOrganId"), m.text("fromOrganName"), to, m.text("codeNumber"),
                m.text("codeNotation"), m.text("promulgationPlace"), m.date("promulgationDate"),
                m.integer("documentType"), m.text("documentTypeName"), m.text("subject"), m.text("content"),
                m.text("signerCompetence"), m.text("signerPosition"), m.text("signerFullName"), m.date("dueDate"),
                m.integer("priority"), m.text("sphereOfPromulgation"), m.flag("stateSecret"), files, null);
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
