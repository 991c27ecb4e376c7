package vn.lienthong.adapter.signatures.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.configuration.SignatureSettings;
import vn.lienthong.docsig.DocumentFormat;
import vn.lienthong.docsig.DocumentReport;

/**
 * Verifies the files of a document where they are stored: docsig reads each file in place (PDFBox over a
 * random-access file, the signed byte ranges streamed through the digest), so a large attachment is never loaded
 * whole. No transaction is open while this runs.
 */
@ApplicationScoped
public class DocumentVerification {

    @Inject
    TrustMaterial trust;
    @Inject
    AdapterSettings settings;

    public List<Findings.Examined> examine(SignatureRecords.Plan plan) {
        List<Findings.Examined> out = new ArrayList<>();
        for (SignatureRecords.PlannedFile f : plan.files()) {
            out.add(new Findings.Examined(f.attachmentRef(), f.position(), f.name(), report(f.file(), f.name())));
        }
        return out;
    }

    /** docsig's report; a file that cannot be read is a report with its problem, never an exception. */
    public DocumentReport report(Path file, String name) {
        try {
            return trust.verifier().verify(file, name);
        } catch (IOException | RuntimeException e) {
            return new DocumentReport(name, DocumentFormat.OTHER, List.of(),
                    "cannot read the stored file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The policy note of an outgoing document under {@code flag} or {@code refuse}: why its main file does not count
     * as signed by the sending organisation; empty when it does, or when the policy is off or it was received.
     */
    public Optional<String> policyNote(SignatureRecords.Plan plan, List<Findings.Examined> examined) {
        SignatureSettings s = settings.signatures();
        if (plan.direction() != vn.lienthong.adapter.tracking.entity.Document.Direction.OUT
                || s.policy(plan.senderOrganId()) == SignatureSettings.Policy.OFF) {
            return Optional.empty();
        }
        if (examined.isEmpty()) {
            return Optional.of("no main file");
        }
        return Findings.notSignedBySender(examined.get(0).report(), plan.senderOrganId(), plan.senderName(),
                s.organisationNames(plan.senderOrganId()));
    }
}
