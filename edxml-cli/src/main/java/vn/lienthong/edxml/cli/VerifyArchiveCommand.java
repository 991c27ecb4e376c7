package vn.lienthong.edxml.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.edxml.archive.ArchiveVerifier;

/**
 * Verifies a retention archive written by the adapter ({@code edxml.archive.SignedArchive}): the manifest's XML
 * signature, then every file against its SHA-256 and size, no unlisted entry. Exit 0 intact, 1 not intact,
 * 2 unreadable. With {@code --trust ca.pem} the signer must be one of those certificates or issued by one.
 */
final class VerifyArchiveCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(1);
        List<X509Certificate> anchors = new ArrayList<>();
        for (String pem : args.options("--trust")) {
            try (InputStream in = Files.newInputStream(Path.of(pem))) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.add((X509Certificate) c);
                }
            } catch (CertificateException e) {
                err.println("error: cannot read trust anchors from " + pem + ": " + Messages.describe(e));
                return EdxmlCli.UNREADABLE;
            }
        }
        Path archive = args.file(0, "archive file");
        ArchiveVerifier.Verification v;
        try {
            v = new ArchiveVerifier(anchors).verify(archive);
        } catch (java.util.zip.ZipException e) {
            err.println("error: not a ZIP archive: " + Messages.describe(e));
            return EdxmlCli.UNREADABLE;
        }
        out.println((v.intact() ? "INTACT" : "NOT INTACT") + ": period " + v.period() + ", " + v.files() + " files");
        if (v.signer() != null) {
            out.println("signer:    " + v.signer().getSubjectX500Principal().getName());
            out.println("issuer:    " + v.signer().getIssuerX500Principal().getName());
            out.println("valid to:  " + v.signer().getNotAfter().toInstant());
        }
        for (String problem : v.problems()) {
            out.println("problem:   " + problem);
        }
        return v.intact() ? EdxmlCli.OK : EdxmlCli.FINDINGS;
    }
}
