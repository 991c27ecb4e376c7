package vn.lienthong.docsig;

import java.util.List;

/** Verdicts for the attachments of one package, and the weakest of them. */
public final class AttachmentVerdicts {

    private AttachmentVerdicts() {
    }

    public static List<LegalValueVerdict> of(List<DocumentReport> documents) {
        return documents.stream().map(DocumentReport::verdict).toList();
    }

    /**
     * ESTABLISHED only when every attachment's is; NOT_ESTABLISHED as soon as one is; UNDETERMINED otherwise (an
     * empty list is NOT_ESTABLISHED: a package without documents has no signed document).
     */
    public static LegalValue weakest(List<LegalValueVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return LegalValue.NOT_ESTABLISHED;
        }
        if (verdicts.stream().anyMatch(v -> v.value() == LegalValue.NOT_ESTABLISHED)) {
            return LegalValue.NOT_ESTABLISHED;
        }
        return verdicts.stream().allMatch(v -> v.value() == LegalValue.ESTABLISHED) ? LegalValue.ESTABLISHED
                : LegalValue.UNDETERMINED;
    }
}
