package vn.lienthong.edxml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdxmlCliTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EdxmlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(r.all().contains("\tat ") || r.all().contains("Exception"), "no stack traces: " + r.all());
        return r;
    }

    private static Path fixture(String folder, String name) {
        // fixtures.dir from surefire; otherwise ../shared/fixtures next to the repository root (the .mvn folder).
        String configured = System.getProperty("fixtures.dir");
        Path root;
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            root = Paths.get(configured);
        } else {
            Path dir = Paths.get("").toAbsolutePath();
            while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
                dir = dir.getParent();
            }
            root = (dir == null ? Paths.get("..") : dir).resolve("../shared/fixtures").normalize();
        }
        return root.resolve("edxml").resolve(folder).resolve(name);
    }

    @Test
    void validateExitCodes() {
        Run clean = run("validate", fixture("vendor-sdk-2019", "edoc_new.edxml").toString());
        assertEquals(0, clean.code(), clean.all());
        assertTrue(clean.out().contains("result: ACCEPTED"));
        Run refused = run("validate", fixture("nonconforming", "1760427207626_b.txt.edxml").toString());
        assertEquals(1, refused.code());
        assertTrue(refused.out().contains("M.edXMLEnvelope.edXMLAttachments"));
        Run broken = run("validate", fixture("nonconforming", "edoc.edxml").toString());
        assertEquals(2, broken.code());
        assertTrue(broken.out().contains("line 116, column 40"), broken.out());
        assertEquals(2, run("validate", tmp.resolve("missing.edxml").toString()).code());
        Path binary = tmp.resolve("binary.edxml");
        try {
            Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(2, run("validate", binary.toString()).code());
    }

    @Test
    void inspectSummarisesWithoutPersonalData() {
        Run r = run("inspect", fixture("vendor-sdk-2019", "edoc_update.edxml").toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Business:     2 UPDATE"));
        assertTrue(r.out().contains("vendor placeholder"));
        assertTrue(r.out().contains("unwrapped from wrapper zip"));
        assertFalse(r.out().contains("Nguyễn Thị Ngọc Trâm"), "clerk names are not printed");
        Run s = run("inspect", fixture("vendor-sdk-2019", "status_cancellation_13.edxml").toString());
        assertTrue(s.out().contains("StatusCode:   13 TAKE_BACK_REQUEST"), s.out());
    }

    /** A self-signed RSA signer in PKCS#12 (password in {@code password.txt}) and its certificate as PEM. */
    private record Signer(Path p12, Path passwordFile, Path pem) {
        String[] sign(Path in, Path out) {
            return new String[] {"sign", "--p12", p12.toString(), "--password-file", passwordFile.toString(),
                    in.toString(), out.toString()};
        }
    }

    private Signer signer(String name, Instant notBefore, Instant notAfter) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=" + name), BigInteger.ONE, Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + name), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "test-only".toCharArray();
        store.setKeyEntry("signer", keys.getPrivate(), password, new Certificate[] {cert});
        Path p12 = tmp.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }
        Path passwordFile = tmp.resolve(name + "-password.txt");
        Files.writeString(passwordFile, "test-only\n");
        Path pem = tmp.resolve(name + ".pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return new Signer(p12, passwordFile, pem);
    }

    @Test
    void signAndVerify() throws Exception {
        Signer s = signer("cli-test", Instant.now().minus(3650, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
        Path unsigned = fixture("nonconforming", "upload_b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml");
        Path signed = tmp.resolve("signed.edxml");
        Run sign = run(s.sign(unsigned, signed));
        assertEquals(0, sign.code(), sign.all());
        Run verify = run("verify", "--trust", s.pem().toString(), signed.toString());
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().startsWith("VALID"), verify.out());
        assertEquals(1, run("verify", unsigned.toString()).code(), "unsigned");
        Files.writeString(signed, Files.readString(signed).replace("metaA.txt", "metaX.txt"));
        assertEquals(1, run("verify", "--trust", s.pem().toString(), signed.toString()).code(), "tampered");

        Files.writeString(s.passwordFile(), "wrong");
        Run wrong = run(s.sign(unsigned, tmp.resolve("x.edxml")));
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("error: cannot open key store"), wrong.err());
    }

    @Test
    void aPackageSignedNowWithACurrentCertificateVerifiesWhateverDatesItCarries() throws Exception {
        // The status package's own Timestamp and TraceHeader say 2015; the certificate was issued yesterday.
        Signer fresh = signer("fresh", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS));
        for (Path unsigned : new Path[] {fixture("vendor-sdk-2019", "status_inbox__01.edxml"),
                fixture("nonconforming", "test_edxml_with_content.edxml")}) {
            Path signed = tmp.resolve("fresh-" + unsigned.getFileName());
            Run sign = run(fresh.sign(unsigned, signed));
            assertEquals(0, sign.code(), sign.all());
            Run verify = run("verify", "--trust", fresh.pem().toString(), signed.toString());
            assertEquals(0, verify.code(), unsigned + ": " + verify.all());
            assertTrue(verify.out().startsWith("VALID: signature valid"), verify.out());
            // Re-checked at a time the operator vouches for, before the certificate existed: refused.
            Run before = run("verify", "--trust", fresh.pem().toString(), "--at", "2015-09-20T11:08:36+07:00",
                    signed.toString());
            assertEquals(1, before.code(), before.all());
            assertTrue(before.out().contains("certificate not valid at verification time"), before.out());
        }
        assertEquals(64, run("verify", "--at", "yesterday", tmp.resolve("fresh-status_inbox__01.edxml").toString())
                .code());
    }

    @Test
    void anExpiredCertificateNeitherSignsNorVerifies() throws Exception {
        Instant now = Instant.now();
        Signer expired = signer("expired", now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Path unsigned = fixture("vendor-sdk-2019", "status_inbox__01.edxml");
        Run sign = run(expired.sign(unsigned, tmp.resolve("never.edxml")));
        assertEquals(1, sign.code(), sign.all());
        assertTrue(sign.err().contains("signing certificate is not valid now"), sign.err());
        assertFalse(Files.exists(tmp.resolve("never.edxml")));
    }

    @Test
    void signRefusesWhatValidateRefusesWithTheSameExitCodes() throws Exception {
        Signer s = signer("strict", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
        // Error findings (exit 1 for validate and for sign): a corrupted attachment and unsupported elements.
        Path badBase64 = tmp.resolve("bad-base64.edxml");
        String good = Files.readString(fixture("nonconforming", "upload_b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml"));
        Files.writeString(badBase64, good.replaceFirst(">UEsDBBQACAgI", ">UEs!DBB*QACAgI"));
        for (Path refused : new Path[] {badBase64, fixture("nonconforming", "1760427207626_b.txt.edxml")}) {
            assertEquals(1, run("validate", refused.toString()).code(), refused.toString());
            Run sign = run(s.sign(refused, tmp.resolve("refused.edxml")));
            assertEquals(1, sign.code(), refused + ": " + sign.all());
            assertTrue(sign.err().contains("error finding(s)"), sign.err());
            assertFalse(Files.exists(tmp.resolve("refused.edxml")));
        }
        // Not well-formed (exit 2 for both): an undeclared prefix, and a signed package cut in half, which used
        // to be reported as "already carries a Signature" (exit 1) because the signer saw the Signature first.
        Path signed = tmp.resolve("whole.edxml");
        assertEquals(0, run(s.sign(fixture("vendor-sdk-2019", "status_inbox__01.edxml"), signed)).code());
        byte[] whole = Files.readAllBytes(signed);
        Path truncated = tmp.resolve("truncated.edxml");
        String text = new String(whole, StandardCharsets.UTF_8);
        Files.writeString(truncated, text.substring(0, text.indexOf("</SignatureValue>") + 20));
        for (Path broken : new Path[] {truncated, fixture("nonconforming", "edoc.edxml"), tmp.resolve("missing")}) {
            assertEquals(2, run("validate", broken.toString()).code(), broken.toString());
            Run sign = run(s.sign(broken, tmp.resolve("broken.edxml")));
            assertEquals(2, sign.code(), broken + ": " + sign.all());
            assertFalse(Files.exists(tmp.resolve("broken.edxml")));
        }
        // Well-formed and valid but already signed (vendor placeholder, or our own signature): refused, exit 1.
        for (Path signedAlready : new Path[] {fixture("vendor-sdk-2019", "edoc_new.edxml"), signed}) {
            Run again = run(s.sign(signedAlready, tmp.resolve("again.edxml")));
            assertEquals(1, again.code(), again.all());
            assertTrue(again.err().contains("already carries a Signature"), again.err());
        }
    }

    @Test
    void usageErrors() {
        assertEquals(64, run().code());
        assertEquals(64, run("frobnicate").code());
        assertEquals(64, run("sign", "a").code());
        assertEquals(0, run("--help").code());
    }
}
