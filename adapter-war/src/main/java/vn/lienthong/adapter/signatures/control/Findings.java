package vn.lienthong.adapter.signatures.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.DocumentSignature.Verdict;
import vn.lienthong.docsig.AttachmentVerdicts;
import vn.lienthong.docsig.Coverage;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.LegalValue;
import vn.lienthong.docsig.LegalValueVerdict;
import vn.lienthong.docsig.SignatureReport;
import vn.lienthong.docsig.SignatureStatus;

/**
 * Turns docsig's reports of a document's attachments into what is stored and shown: one row per attachment, the
 * document's verdict (the weakest attachment's, docsig {@link AttachmentVerdicts#weakest}) with the reason of the
 * attachment that decided it, and the sending organisation's policy check of the main file. No container here.
 */
public final class Findings {

    /** Status of an attachment that could not be examined at all (a PDF that does not parse, a password). */
    public static final String NOT_EXAMINED = "NOT_EXAMINED";

    /** Statuses under which a signature still counts as the organisation's for the policy (offline: no CRL). */
    private static final Set<SignatureStatus> POLICY_ACCEPTED = Set.of(SignatureStatus.VALID,
            SignatureStatus.REVOCATION_UNKNOWN);

    private Findings() {
    }

    /** One attachment and docsig's report on it. */
    public record Examined(String attachmentRef, int position, String name, DocumentReport report) {
    }

    /** The document's verdict, its reason, and whether any attachment carries a signature at all. */
    public record Outcome(Verdict verdict, String reason, boolean signed) {
    }

    public static AttachmentSignature row(String documentRef, Examined e) {
        DocumentReport r = e.report();
        LegalValueVerdict v = r.verdict();
        String status = r.problem() != null ? NOT_EXAMINED : r.overallStatus().name();
        List<SignatureReport> sigs = r.signatures();
        AttachmentSignature.Signer signer = null;
        if (!sigs.isEmpty()) {
            // The last signature covers the file as delivered (earlier ones cover earlier revisions).
            SignatureReport last = sigs.get(sigs.size() - 1);
            signer = new AttachmentSignature.Signer(last.signerName(), last.signerOrganisation(), last.issuer(),
                    last.signingTime() == null ? null : last.signingTime().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                    last.signingTimeSource() == null ? null : last.signingTimeSource().name());
        }
        return new AttachmentSignature(documentRef, e.attachmentRef(), e.position(), e.name(), r.format().name(),
                status, v.value().name(), v.reason(), sigs.size(), signer);
    }

    public static Outcome outcome(List<Examined> examined) {
        if (examined.isEmpty()) {
            return new Outcome(Verdict.NOT_ESTABLISHED, "no attachment", false);
        }
        List<LegalValueVerdict> verdicts = new ArrayList<>();
        examined.forEach(e -> verdicts.add(e.report().verdict()));
        LegalValue weakest = AttachmentVerdicts.weakest(verdicts);
        String reason = verdicts.stream().filter(v -> v.value() == weakest).findFirst()
                .map(v -> v.document() + ": " + v.reason()).orElse(weakest.name());
        if (weakest == LegalValue.ESTABLISHED && verdicts.size() > 1) {
            reason = verdicts.size() + " attachments, all validly signed; " + reason;
        }
        boolean signed = examined.stream().anyMatch(e -> !e.report().signatures().isEmpty());
        return new Outcome(Verdict.valueOf(weakest.name()), reason, signed);
    }

    /**
     * Why the main file does not count as signed by the sending organisation, or empty when it does: every
     * signature intact, chained to a trust anchor and valid at signing (revocation unknown is accepted: the adapter
     * works offline), no change appended after the last one, and one of them by a certificate whose organisation
     * (subject O) is the sender's id, the sender's name in the document, or a name configured for it.
     */
    public static Optional<String> notSignedBySender(DocumentReport main, String organId, String organName,
            List<String> configuredNames) {
        if (main.problem() != null) {
            return Optional.of("main file cannot be examined: " + main.problem());
        }
        List<SignatureReport> sigs = main.signatures();
        if (sigs.isEmpty()) {
            return Optional.of("main file " + main.name() + " is not signed");
        }
        for (SignatureReport s : sigs) {
            if (!POLICY_ACCEPTED.contains(s.status())) {
                return Optional.of("main file signature " + s.fieldName() + " " + s.status() + ": " + s.reason());
            }
            if (s.coverage() == Coverage.APPENDED_CHANGES) {
                return Optional.of("main file changed after signing");
            }
        }
        List<String> names = new ArrayList<>(configuredNames);
        names.add(organId);
        if (organName != null) {
            names.add(organName);
        }
        for (SignatureReport s : sigs) {
            if (s.signerOrganisation() != null && names.stream().anyMatch(n -> same(n, s.signerOrganisation()))) {
                return Optional.empty();
            }
        }
        SignatureReport last = sigs.get(sigs.size() - 1);
        return Optional.of("main file signed by " + last.signerName() + " (O=" + last.signerOrganisation()
                + "), not by a certificate of " + organId);
    }

    /**
     * Names compared without case, repeated spaces or Vietnamese diacritics (certificates often carry the name
     * without them: "Van phong Chinh phu" is "Văn phòng Chính phủ").
     */
    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        String bare = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D');
        return bare.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
