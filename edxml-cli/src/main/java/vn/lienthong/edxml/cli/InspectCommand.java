package vn.lienthong.edxml.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Collectors;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.read.ReceivedAttachment;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.VerificationResult;
import vn.lienthong.edxml.validate.Severity;

/** Human-readable summary. Names of signers and clerks (personal data) are not printed. */
final class InspectCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(1);
        Path file = args.file(0, "package file");
        ReadResult r;
        try {
            r = new EdxmlReader().read(file, AttachmentSink.discard());
        } catch (EdxmlParseException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        }
        if (r.document() != null) {
            document(r.document(), r, out);
        } else if (r.status() != null) {
            status(r.status(), out);
        } else {
            out.println("Package:      not an EDXML package");
        }
        String signature = switch (r.signature()) {
            case ABSENT -> "none (unsigned: kept for reference only)";
            case PLACEHOLDER -> "vendor placeholder (unsigned: kept for reference only)";
            case XMLDSIG -> verify(file);
        };
        out.println("Signature:    " + signature);
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = r.findings().size() - errors - warnings;
        out.println("Findings:     " + errors + " error(s), " + warnings + " warning(s), " + notes
                + " note(s) (run 'validate' for details)");
        return EdxmlCli.OK;
    }

    private static String verify(Path file) throws Exception {
        VerificationResult v = new PackageVerifier().verify(file);
        String subject = v.signerCertificate() == null ? "no certificate"
                : v.signerCertificate().getSubjectX500Principal().getName();
        return "XML signature, " + v.status() + " (" + v.reason() + "; signer " + subject
                + "; trust not checked: use 'verify --trust')";
    }

    private static void document(DocumentPackage d, ReadResult r, PrintStream out) {
        MessageHeader h = d.header();
        out.println("Package:      document (edoc)");
        out.println("From:         " + (h.from() == null ? "-" : h.from().organId() + "  " + nz(h.from().organName())));
        out.println("To:           " + h.to().stream().map(o -> o.organId()).collect(Collectors.joining(", ")));
        out.println("DocumentId:   " + nz(h.documentId()));
        out.println("Code:         " + (h.code() == null ? "-" : nz(h.code().display())));
        out.println("Issued:       " + (h.promulgationInfo() == null || h.promulgationInfo().promulgationDate() == null
                ? "-" : EdxmlConstants.DATE.format(h.promulgationInfo().promulgationDate())));
        out.println("Type:         " + (h.documentType() == null ? "-"
                : h.documentType().type() + " " + nz(h.documentType().typeName())));
        out.println("Subject:      " + nz(h.subject()));
        if (h.otherInfo() != null && h.otherInfo().priority() != null) {
            out.println("Priority:     " + h.otherInfo().priority());
        }
        var b = d.traceHeaderList() == null ? null : d.traceHeaderList().bussiness();
        out.println("Business:     " + d.businessType().code() + " " + d.businessType()
                + (b != null && b.reason() != null ? " (" + b.reason() + ")" : "")
                + (b != null && b.documentId() != null ? ", target " + b.documentId() : ""));
        if (d.traceHeaderList() != null) {
            for (TraceHeader t : d.traceHeaderList().traceHeaders()) {
                out.println("Trace:        " + nz(t.organId()) + "  "
                        + (t.timestamp() == null ? "-" : EdxmlConstants.TIMESTAMP.format(t.timestamp())));
            }
        }
        out.println("Attachments:  " + d.attachments().size());
        for (int i = 0; i < d.attachments().size(); i++) {
            var a = d.attachments().get(i);
            int index = i;
            ReceivedAttachment got = r.attachments().stream().filter(x -> x.index() == index).findFirst()
                    .orElse(null);
            out.println("  [" + i + "] " + nz(a.attachmentName()) + "  declared " + nz(a.contentType())
                    + (got == null ? "" : ", " + got.size() + " bytes, " + got.detectedMimeType()
                    + (got.unwrapped() ? ", unwrapped from wrapper zip" : "")));
        }
    }

    private static void status(StatusPackage s, PrintStream out) {
        out.println("Package:      status");
        out.println("From:         " + (s.from() == null ? "-" : s.from().organId() + "  " + nz(s.from().organName())));
        out.println("StatusCode:   " + nz(s.statusCode()) + " " + s.code());
        out.println("ResponseFor:  " + (s.responseFor() == null ? "-"
                : nz(s.responseFor().organId()) + "  " + nz(s.responseFor().documentId())));
        out.println("Description:  " + nz(s.description()));
        out.println("Timestamp:    " + (s.timestamp() == null ? "-" : EdxmlConstants.TIMESTAMP.format(s.timestamp())));
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
