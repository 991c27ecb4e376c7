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

    @Test
    void signAndVerify() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=CLI test"), BigInteger.ONE, new Date(System.currentTimeMillis() - 86_400_000L * 3650),
                new Date(System.currentTimeMillis() + 86_400_000L), new X500Name("CN=CLI test"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "test-only".toCharArray();
        store.setKeyEntry("signer", keys.getPrivate(), password, new Certificate[] {cert});
        Path p12 = tmp.resolve("signer.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }
        Path passwordFile = tmp.resolve("password.txt");
        Files.writeString(passwordFile, "test-only\n");
        Path pem = tmp.resolve("trust.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");

        Path unsigned = fixture("nonconforming", "upload_b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml");
        Path signed = tmp.resolve("signed.edxml");
        Run sign = run("sign", "--p12", p12.toString(), "--password-file", passwordFile.toString(),
                unsigned.toString(), signed.toString());
        assertEquals(0, sign.code(), sign.all());
        Run verify = run("verify", "--trust", pem.toString(), signed.toString());
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().startsWith("VALID"), verify.out());
        assertEquals(1, run("verify", unsigned.toString()).code(), "unsigned");
        Files.writeString(signed, Files.readString(signed).replace("metaA.txt", "metaX.txt"));
        assertEquals(1, run("verify", "--trust", pem.toString(), signed.toString()).code(), "tampered");

        Files.writeString(passwordFile, "wrong");
        Run wrong = run("sign", "--p12", p12.toString(), "--password-file", passwordFile.toString(),
                unsigned.toString(), tmp.resolve("x.edxml").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("error: cannot open key store"), wrong.err());
        Run already = run("sign", "--p12", p12.toString(), "--password-file", passwordFile.toString(),
                fixture("vendor-sdk-2019", "edoc_new.edxml").toString(), tmp.resolve("y.edxml").toString());
        assertEquals(2, already.code());
    }

    @Test
    void usageErrors() {
        assertEquals(64, run().code());
        assertEquals(64, run("frobnicate").code());
        assertEquals(64, run("sign", "a").code());
        assertEquals(0, run("--help").code());
    }
}
