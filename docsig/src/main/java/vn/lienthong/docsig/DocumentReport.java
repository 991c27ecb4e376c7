package vn.lienthong.docsig;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The signatures of one document (attachment) and what they are worth.
 *
 * @param name       the attachment's name (for reports only; the format comes from the content)
 * @param format     the format detected from the content
 * @param signatures every signature found, in file order; empty when the document is not signed
 * @param problem    why the document could not be examined (e.g. a PDF that does not parse), else null
 */
public record DocumentReport(String name, DocumentFormat format, List<SignatureReport> signatures, String problem) {

    private static final Set<SignatureStatus> FAILED = EnumSet.of(SignatureStatus.INVALID, SignatureStatus.UNTRUSTED,
            SignatureStatus.EXPIRED_AT_SIGNING, SignatureStatus.REVOKED);

    public DocumentReport {
        signatures = List.copyOf(signatures);
    }

    /** NOT_SIGNED when there is no signature, else the most serious status among the signatures. */
    public SignatureStatus overallStatus() {
        if (signatures.isEmpty()) {
            return SignatureStatus.NOT_SIGNED;
        }
        // Enum order puts VALID first, then the most serious outcome.
        return signatures.stream().map(SignatureReport::status).filter(x -> x != SignatureStatus.VALID)
                .min(Enum::compareTo).orElse(SignatureStatus.VALID);
    }

    /** The legal-value verdict: rules in the order documented in docsig/README.md. */
    public LegalValueVerdict verdict() {
        if (problem != null) {
            return verdict(LegalValue.NOT_ESTABLISHED, "cannot be examined: " + problem);
        }
        if (signatures.isEmpty()) {
            return verdict(LegalValue.NOT_ESTABLISHED, "not signed");
        }
        for (SignatureReport s : signatures) {
            if (FAILED.contains(s.status())) {
                return verdict(LegalValue.NOT_ESTABLISHED, describe(s));
            }
        }
        for (SignatureReport s : signatures) {
            if (s.coverage() == Coverage.APPENDED_CHANGES) {
                return verdict(LegalValue.NOT_ESTABLISHED, "changed after signing: " + describe(s));
            }
        }
        for (SignatureReport s : signatures) {
            if (s.status() != SignatureStatus.VALID) {
                return verdict(LegalValue.UNDETERMINED, describe(s));
            }
        }
        SignatureReport last = signatures.get(signatures.size() - 1);
        return verdict(LegalValue.ESTABLISHED, signatures.size() + " valid signature(s), last by "
                + last.signerName() + (last.signerOrganisation() == null ? "" : " (" + last.signerOrganisation() + ")"));
    }

    private LegalValueVerdict verdict(LegalValue value, String reason) {
        return new LegalValueVerdict(name, value, reason);
    }

    private static String describe(SignatureReport s) {
        return "signature " + s.fieldName() + " " + s.status() + ": " + s.reason();
    }
}
