package vn.lienthong.edxml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.archive.SignedArchive;
import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.edxml.sign.SigningCredentials;

/** {@code verify-archive}: exit 0 for an intact archive signed under the trusted CA, 1 otherwise, 2 unreadable. */
class VerifyArchiveCommandTest {

    @TempDir
    Path dir;

    @Test
    void intactTamperedAndUnreadableArchives() throws Exception {
        DemoPki ca = DemoPki.newCa("CLI archive CA");
        DemoPki.Issued adapter = ca.issueRsa("adapter", Duration.ofDays(30));
        Path archive = dir.resolve("2026-05.zip");
        try (OutputStream out = Files.newOutputStream(archive);
                SignedArchive a = SignedArchive.create(out, "2026-05", "node",
                        new SigningCredentials(adapter.privateKey(), adapter.certificate()))) {
            a.add("documents.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path caPem = dir.resolve("ca.pem");
        ca.writeCaPem(caPem);

        String[] ok = run("verify-archive", "--trust", caPem.toString(), archive.toString());
        assertEquals("0", ok[0], ok[1]);
        assertTrue(ok[1].startsWith("INTACT: period 2026-05, 1 files"), ok[1]);

        DemoPki other = DemoPki.newCa("Another CA");
        Path otherPem = dir.resolve("other.pem");
        other.writeCaPem(otherPem);
        String[] untrusted = run("verify-archive", "--trust", otherPem.toString(), archive.toString());
        assertEquals("1", untrusted[0], untrusted[1]);
        assertTrue(untrusted[1].contains("NOT INTACT"), untrusted[1]);

        Path notZip = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertEquals("2", run("verify-archive", notZip.toString())[0]);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EdxmlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)};
    }
}
