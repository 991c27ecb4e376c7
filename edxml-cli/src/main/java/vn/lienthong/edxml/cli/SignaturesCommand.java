package vn.lienthong.edxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.cert.CRLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.lienthong.docsig.AttachmentVerdicts;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.DocumentSignatureVerifier;
import vn.lienthong.docsig.LegalValue;
import vn.lienthong.docsig.LegalValueVerdict;
import vn.lienthong.docsig.SignatureReport;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;

/**
 * The signatures inside each attachment of a document package (the documents' own signatures, which give them
 * legal value — not the package's XML signature, see {@code verify}). Attachments stream from the package into a
 * temporary file each, verified there and deleted, so packages of any size are examined in bounded memory.
 * Exit 0 when every attachment's legal value is ESTABLISHED, 1 otherwise (also: no attachment), 2 unreadable.
 */
final class SignaturesCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(1);
        Path file = args.file(0, "package file");
        DocumentSignatureVerifier.Builder builder = DocumentSignatureVerifier.builder();
        try {
            builder.trustAnchors(certificates(args.options("--trust")));
            builder.crls(crls(args.options("--crl")));
        } catch (CertificateException | CRLException | IOException e) {
            err.println("error: cannot read trust anchors or CRLs: " + Messages.describe(e));
            return EdxmlCli.UNREADABLE;
        }
        DocumentSignatureVerifier verifier = builder.build();
        List<DocumentReport> reports = new ArrayList<>();
        Path spool = Files.createTempDirectory("edxml-signatures-");
        ReadResult r;
        try {
            r = new EdxmlReader().read(file, (attachment, content) ->
                    reports.add(verifier.verify(content, "[" + attachment.index() + "] " + attachment.fileName(),
                            spool)));
        } catch (EdxmlParseException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        } finally {
            deleteTree(spool);
        }
        if (r.document() == null) {
            out.println("not a document package: no attachments to examine");
            return EdxmlCli.FINDINGS;
        }
        if (reports.isEmpty()) {
            out.println("no attachments");
            return EdxmlCli.FINDINGS;
        }
        for (DocumentReport d : reports) {
            print(d, out);
        }
        LegalValue overall = AttachmentVerdicts.weakest(AttachmentVerdicts.of(reports));
        out.println("package: " + overall + " (" + reports.size() + " attachment(s))");
        return overall == LegalValue.ESTABLISHED ? EdxmlCli.OK : EdxmlCli.FINDINGS;
    }

    private static void print(DocumentReport d, PrintStream out) {
        out.println("attachment " + d.name() + ": " + d.format() + ", " + d.overallStatus());
        for (SignatureReport s : d.signatures()) {
            out.println("  signature " + s.fieldName() + " (" + s.subFilter() + "): " + s.status());
            if (s.signerName() != null) {
                out.println("    signer:   " + s.signerName()
                        + (s.signerOrganisation() == null ? "" : ", " + s.signerOrganisation()));
                out.println("    issuer:   " + s.issuer());
            }
            if (s.signingTime() != null) {
                out.println("    signed:   " + s.signingTime() + " (" + s.signingTimeSource() + ")");
            }
            out.println("    covers:   " + s.coverage());
            out.println("    reason:   " + s.reason());
        }
        LegalValueVerdict v = d.verdict();
        out.println("  verdict: " + v.value() + ": " + v.reason());
    }

    private static List<X509Certificate> certificates(List<String> files) throws IOException, CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (String f : files) {
            try (InputStream in = Files.newInputStream(Path.of(f))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(c -> out.add((X509Certificate) c));
            }
        }
        return out;
    }

    private static List<X509CRL> crls(List<String> files) throws IOException, CertificateException, CRLException {
        List<X509CRL> out = new ArrayList<>();
        for (String f : files) {
            try (InputStream in = Files.newInputStream(Path.of(f))) {
                for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    out.add((X509CRL) c);
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
