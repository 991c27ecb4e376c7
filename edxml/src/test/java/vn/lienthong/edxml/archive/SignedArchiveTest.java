package vn.lienthong.edxml.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.edxml.sign.SigningCredentials;

/** A signed archive verifies as written, and any change — a file, the manifest, an extra entry — is found. */
class SignedArchiveTest {

    private static DemoPki ca;
    private static DemoPki.Issued adapter;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        ca = DemoPki.newCa("Archive test CA");
        adapter = ca.issueRsa("adapter", Duration.ofDays(30));
    }

    @Test
    void anArchiveVerifiesWithItsOwnCertificateAndAgainstItsCa() throws Exception {
        Path archive = write(dir.resolve("2026-05.zip"));
        ArchiveVerifier.Verification v = new ArchiveVerifier(List.of(ca.caCertificate())).verify(archive);
        assertTrue(v.intact(), v.problems().toString());
        assertEquals("2026-05", v.period());
        assertEquals(3, v.files());
        assertEquals(adapter.certificate(), v.signer());
    }

    @Test
    void aSignerOutsideTheTrustAnchorsIsReported() throws Exception {
        Path archive = write(dir.resolve("a.zip"));
        DemoPki other = DemoPki.newCa("Other CA");
        ArchiveVerifier.Verification v = new ArchiveVerifier(List.of(other.caCertificate())).verify(archive);
        assertFalse(v.intact());
        assertTrue(v.problems().get(0).contains("not one of the trust anchors"), v.problems().toString());
    }

    @Test
    void aChangedFileAChangedManifestAndAnExtraEntryAreFound() throws Exception {
        Path archive = write(dir.resolve("a.zip"));
        Path changedFile = rewrite(archive, dir.resolve("b.zip"), "documents.jsonl", "{\"id\":\"forged\"}\n", null);
        assertEquals(List.of("content differs from the manifest: documents.jsonl"),
                new ArchiveVerifier(List.of()).verify(changedFile).problems());

        Path extra = rewrite(archive, dir.resolve("c.zip"), null, null, "packages/smuggled.edxml");
        assertEquals(List.of("not in the manifest: packages/smuggled.edxml"),
                new ArchiveVerifier(List.of()).verify(extra).problems());

        // The manifest re-listed with the forged file's sum: the signature no longer verifies.
        String manifest;
        try (ZipFile z = new ZipFile(archive.toFile())) {
            manifest = new String(z.getInputStream(z.getEntry(SignedArchive.MANIFEST)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        Path forged = rewrite(archive, dir.resolve("d.zip"), SignedArchive.MANIFEST,
                manifest.replace("period=\"2026-05\"", "period=\"2026-06\""), null);
        List<String> problems = new ArchiveVerifier(List.of()).verify(forged).problems();
        assertTrue(problems.contains("the manifest's signature does not verify (manifest changed after signing)"),
                problems.toString());
    }

    @Test
    void unsafeNamesAreRefused() {
        assertFalse(ArchiveVerifier.safeName("../etc/passwd"));
        assertFalse(ArchiveVerifier.safeName("/abs"));
        assertFalse(ArchiveVerifier.safeName("a\\b"));
        assertTrue(ArchiveVerifier.safeName("packages/2026/05/x.edxml"));
    }

    private Path write(Path archive) throws Exception {
        Path pkg = Files.writeString(dir.resolve("p.edxml"), "<edXML/>");
        try (OutputStream out = Files.newOutputStream(archive);
                SignedArchive a = SignedArchive.create(out, "2026-05", "test-node",
                        new SigningCredentials(adapter.privateKey(), adapter.certificate(), ca.caCertificate()))) {
            a.add("packages/p.edxml", pkg);
            a.add("documents.jsonl", "{\"id\":\"1\"}\n".getBytes(StandardCharsets.UTF_8));
            a.add("audit.jsonl", "{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8));
        }
        return archive;
    }

    /** A copy of the archive with one entry replaced and/or one entry added. */
    private static Path rewrite(Path from, Path to, String replace, String content, String add) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (var e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(replace)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
            if (add != null) {
                out.putNextEntry(new ZipEntry(add));
                out.write(1);
                out.closeEntry();
            }
        }
        return to;
    }
}
