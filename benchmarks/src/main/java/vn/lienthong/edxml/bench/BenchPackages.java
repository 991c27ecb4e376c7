package vn.lienthong.edxml.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.sign.SigningCredentials;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/** Invented packages of a target size (one PDF attachment sized to reach it) and throw-away keys. */
final class BenchPackages {

    /**
     * Writes an attachment file sized so the package reaches {@code packageBytes} (header and manifest take about
     * 2.5 KB; base64 adds a third). On disk, not in memory, so the harness itself stays small.
     */
    static Path attachmentFor(long packageBytes, Path file) throws IOException {
        long raw = Math.max(256, (packageBytes - 2600) * 3 / 4);
        Random random = new Random(1);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (long written = 9; written < raw; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, raw - written));
            }
        }
        return file;
    }

    static DocumentPackage document() {
        String sender = "000.00.00.G22";
        MessageHeader h = new MessageHeader(Organization.of(sender, "Văn phòng Thử"),
                List.of(Organization.of("000.00.00.H41", "UBND Tỉnh Thử")), sender + ",2025/11/20,1/BENCH",
                new DocumentCode("1", "BENCH"), new PromulgationInfo("Hà Nội", LocalDate.of(2025, 11, 20)),
                new DocumentType(1, 0, "Công văn"), "Gói tin đo hiệu năng", "Nội dung", null, null,
                new OtherInfo(0, "Liên thông văn bản quốc gia", null, 1, 1, false, List.of()), List.of(), 1,
                List.of(), null, List.of());
        return new DocumentPackage(h, new TraceHeaderList(new Bussiness(null, BusinessType.NEW, "Văn bản mới", 0,
                List.of(), List.of(), List.of()), List.of(new TraceHeader(sender,
                LocalDateTime.of(2025, 11, 20, 9, 0, 0)))));
    }

    static void write(Path attachment, OutputStream out) throws IOException {
        new EdxmlWriter().writeDocument(document(), List.of(new AttachmentSource("van-ban.pdf", "Văn bản",
                "application/pdf", () -> Files.newInputStream(attachment))), out);
    }

    static Path writeFile(Path attachment, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(attachment, out);
        }
        return file;
    }

    static SigningCredentials credentials(String keyAlgorithm) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlgorithm);
            if ("EC".equals(keyAlgorithm)) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            KeyPair keys = g.generateKeyPair();
            long now = System.currentTimeMillis();
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    new X500Name("CN=bench"), BigInteger.TWO, new Date(now - 86_400_000L * 3650),
                    new Date(now + 86_400_000L * 365), new X500Name("CN=bench"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("EC".equals(keyAlgorithm) ? "SHA256withECDSA"
                            : "SHA256withRSA").build(keys.getPrivate())));
            return new SigningCredentials(keys.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private BenchPackages() {
    }
}
