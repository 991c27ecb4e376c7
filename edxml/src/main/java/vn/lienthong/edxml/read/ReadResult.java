package vn.lienthong.edxml.read;

import java.util.List;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.validate.Finding;

/**
 * Outcome of {@link EdxmlReader#read}. Exactly one of {@code document}/{@code status} is set when the package
 * could be mapped; both are null when structural errors made that impossible. {@code attachments} lists what was
 * delivered to the sink, which happens only when there is no error finding.
 */
public record ReadResult(PackageKind kind, DocumentPackage document, StatusPackage status,
                         SignaturePresence signature, List<Finding> findings, List<ReceivedAttachment> attachments) {

    public ReadResult {
        findings = List.copyOf(findings);
        attachments = List.copyOf(attachments);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }
}
