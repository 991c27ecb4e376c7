package vn.lienthong.edxml.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.SigningCredentials;
import vn.lienthong.edxml.sign.SigningException;
import vn.lienthong.edxml.validate.Finding;

/**
 * Signs a package with a key from PKCS#12. The password never appears on the command line (it would be visible in
 * the process list): it comes from an environment variable or a file.
 *
 * <p>Only what {@code validate} accepts is signed: the package is read and checked first (not well-formed: exit 2;
 * error findings: exit 1), so a signature never vouches for a package receivers would refuse. The certificate
 * must be valid now: verifiers check it at their own clock (see README, "Signing time").
 */
final class SignCommand implements Command {

    static final String DEFAULT_PASSWORD_ENV = "EDXML_P12_PASSWORD";

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(2);
        Path in = args.file(0, "input package");
        Path target = args.file(1, "output file");
        String p12 = args.option("--p12");
        if (p12 == null) {
            throw new UsageException("--p12 <file> is required");
        }
        SignatureAlgorithm alg;
        try {
            alg = args.option("--alg") == null ? SignatureAlgorithm.DEFAULT
                    : SignatureAlgorithm.valueOf(args.option("--alg").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown algorithm " + args.option("--alg"));
        }
        char[] password = password(args);
        SigningCredentials creds;
        try {
            creds = SigningCredentials.fromPkcs12(Path.of(p12), password, args.option("--alias"));
        } catch (GeneralSecurityException | java.io.IOException e) {
            err.println("error: cannot open key store " + p12 + ": " + Messages.describe(e));
            return EdxmlCli.UNREADABLE;
        } finally {
            Arrays.fill(password, '\0');
        }
        PackageSigner signer;
        try {
            signer = new PackageSigner(creds, alg);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.USAGE;
        }
        int refused = refuseInvalidPackage(in, err);
        if (refused != EdxmlCli.OK) {
            return refused;
        }
        try {
            creds.certificate().checkValidity();
        } catch (java.security.cert.CertificateException e) {
            err.println("error: the signing certificate is not valid now (valid "
                    + creds.certificate().getNotBefore().toInstant() + " to "
                    + creds.certificate().getNotAfter().toInstant() + "); verifiers would refuse the signature");
            return EdxmlCli.FINDINGS;
        }
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".edxml-sign-", ".tmp");
        try {
            signer.sign(in, tmp);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (EdxmlParseException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        } catch (SigningException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.FINDINGS;
        } finally {
            Files.deleteIfExists(tmp);
        }
        out.println("signed " + target + " with " + alg + " as " + creds.certificate().getSubjectX500Principal()
                .getName());
        return EdxmlCli.OK;
    }

    /** Reads the package as {@code validate} does; prints the error findings. */
    private static int refuseInvalidPackage(Path in, PrintStream err) throws java.io.IOException {
        ReadResult read;
        try {
            read = new EdxmlReader().read(in, AttachmentSink.discard());
        } catch (EdxmlParseException e) {
            err.println("error: " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        }
        if (!read.hasErrors()) {
            return EdxmlCli.OK;
        }
        for (Finding f : read.errors()) {
            err.println("error: " + f.code() + ": " + f.message());
        }
        err.println("error: not signed: the package has " + read.errors().size()
                + " error finding(s) (see validate)");
        return EdxmlCli.FINDINGS;
    }

    private static char[] password(Arguments args) throws Exception {
        String file = args.option("--password-file");
        if (file != null) {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return content.strip().toCharArray();
        }
        String env = args.option("--password-env") == null ? DEFAULT_PASSWORD_ENV : args.option("--password-env");
        String value = System.getenv(env);
        if (value == null) {
            throw new UsageException("no key store password: set " + env + " or use --password-file");
        }
        return value.toCharArray();
    }
}
