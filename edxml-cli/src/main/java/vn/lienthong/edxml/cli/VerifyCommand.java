package vn.lienthong.edxml.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.VerificationResult;

/**
 * Verifies the package signature; exit 0 valid, 1 invalid or unsigned, 2 unreadable. The certificate is checked at
 * the current time, or at {@code --at} (an instant the operator vouches for, e.g. when the adapter received the
 * package) — never at a time the package claims about itself.
 */
final class VerifyCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(1);
        PackageVerifier.Builder builder = PackageVerifier.builder();
        for (String pem : args.options("--trust")) {
            try (InputStream in = Files.newInputStream(Path.of(pem))) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    builder.trustAnchor((X509Certificate) c);
                }
            } catch (CertificateException e) {
                err.println("error: cannot read trust anchors from " + pem + ": " + Messages.describe(e));
                return EdxmlCli.UNREADABLE;
            }
        }
        if (args.flag("--allow-sha1")) {
            builder.allowedAlgorithms(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.ECDSA_SHA256,
                    SignatureAlgorithm.RSA_SHA1);
        }
        if (args.option("--at") != null) {
            builder.validAt(instant(args.option("--at")));
        }
        VerificationResult r;
        try {
            r = builder.build().verify(args.file(0, "package file"));
        } catch (EdxmlParseException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        }
        out.println(r.status() + ": " + r.reason());
        if (r.signerCertificate() != null) {
            out.println("signer:    " + r.signerCertificate().getSubjectX500Principal().getName());
            out.println("issuer:    " + r.signerCertificate().getIssuerX500Principal().getName());
        }
        if (r.signatureMethod() != null) {
            out.println("algorithm: " + r.signatureMethod());
        }
        out.println("trust:     " + r.trust());
        return r.status().isValid() ? EdxmlCli.OK : EdxmlCli.FINDINGS;
    }

    private static Instant instant(String value) throws UsageException {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--at needs an ISO-8601 time with offset, e.g. 2025-11-20T09:30:15+07:00");
        }
    }
}
