package vn.lienthong.adapter.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.pki.DemoPki;

/** The key-expiry rule reads the signing key, the TLS certificate and every trust anchor of the keys folder. */
class KeyFolderCertificatesTest {

    @TempDir
    Path keys;

    @Test
    void readsEveryWatchedCertificate() {
        char[] pw = "test-password".toCharArray();
        DemoPki ca = DemoPki.newCa("Key Folder Test CA");
        ca.writeTrustStore(keys.resolve("truststore.p12"), pw);
        ca.issueRsa("adapter", Duration.ofDays(3)).writePkcs12(keys.resolve("adapter.p12"), "adapter", pw);
        ca.issueRsa("localhost", Duration.ofDays(300)).writePkcs12(keys.resolve("tls.p12"), "tls", pw);
        List<WatchedCertificate> read = KeyFolderCertificates.read(keys, pw);
        assertEquals(List.of("signing key", "TLS certificate", "trust anchor"),
                read.stream().map(WatchedCertificate::role).toList());
        assertTrue(read.get(0).certificate().getSubjectX500Principal().getName().contains("CN=adapter"));
    }

    @Test
    void aMissingOrUnreadableStoreIsSkipped() {
        assertEquals(List.of(), KeyFolderCertificates.read(keys, "x".toCharArray()));
    }
}
