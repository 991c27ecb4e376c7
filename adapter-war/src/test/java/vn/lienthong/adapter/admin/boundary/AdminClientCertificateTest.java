package vn.lienthong.adapter.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.pki.DemoPki;

class AdminClientCertificateTest {

    private static final DemoPki TRUSTED = DemoPki.newCa("trusted test CA");
    private static final DemoPki OTHER = DemoPki.newCa("other test CA");

    @Test
    void onlyACertificateIssuedByATrustedCaIsAccepted() {
        List<X509Certificate> anchors = List.of(TRUSTED.caCertificate());
        X509Certificate[] ours = {TRUSTED.issueRsa("operator", Duration.ofDays(1)).certificate()};
        X509Certificate[] foreign = {OTHER.issueRsa("operator", Duration.ofDays(1)).certificate()};

        assertTrue(AdminClientCertificate.issuedByTrustedCa(ours, anchors));
        assertFalse(AdminClientCertificate.issuedByTrustedCa(foreign, anchors));
        assertFalse(AdminClientCertificate.issuedByTrustedCa(null, anchors));
        assertFalse(AdminClientCertificate.issuedByTrustedCa(new X509Certificate[0], anchors));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        // Valid from one hour ago for one second: already expired.
        X509Certificate[] expired = {TRUSTED.issueRsa("operator", Duration.ofSeconds(1)).certificate()};
        assertFalse(AdminClientCertificate.issuedByTrustedCa(expired, List.of(TRUSTED.caCertificate())));
    }

    @Test
    void aCertificateWithTheTrustedIssuersNameButAnotherKeyIsRefused() {
        DemoPki impostor = DemoPki.newCa("trusted test CA");
        X509Certificate[] forged = {impostor.issueRsa("operator", Duration.ofDays(1)).certificate()};
        assertFalse(AdminClientCertificate.issuedByTrustedCa(forged, List.of(TRUSTED.caCertificate())));
    }
}
