package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.pki.DemoPki;

class TrustedChainsTest {

    private static final List<Pattern> ANY = List.of(Pattern.compile(".*"));
    private static DemoPki ca;
    private static X509Certificate[] client;

    @BeforeAll
    static void pki() {
        ca = DemoPki.newCa("Trusted Chains Test CA");
        client = new X509Certificate[] {ca.issueRsa("client", Duration.ofDays(30)).certificate()};
    }

    @Test
    void aChainIsAnsweredFromMemoryUntilTheTtlEndsThenCheckedAgain() throws Exception {
        KeyStore store = trustStore(ca.caCertificate());
        MovableClock clock = new MovableClock();
        TrustedChains chains = new TrustedChains(store, Duration.ofMinutes(5), clock);
        chains.verifyTrust(client, false, ANY, null);
        assertEquals(1, chains.remembered());

        store.deleteEntry("ca"); // the CA leaves the very store object WSS4J reads, behind the cache's back
        clock.now = clock.now.plusSeconds(299);
        assertDoesNotThrow(() -> chains.verifyTrust(client, false, ANY, null), "still within the TTL");
        clock.now = clock.now.plusSeconds(2);
        assertThrows(WSSecurityException.class, () -> chains.verifyTrust(client, false, ANY, null),
                "after the TTL the chain is checked again, against today's trust store");
    }

    @Test
    void replacingTheTrustStoreForgetsEveryChain() throws Exception {
        TrustedChains chains = new TrustedChains(trustStore(ca.caCertificate()), Duration.ofMinutes(5),
                Clock.systemUTC());
        chains.verifyTrust(client, false, ANY, null);
        chains.setTrustStore(trustStore(DemoPki.newCa("Another CA").caCertificate()));
        assertEquals(0, chains.remembered());
        assertThrows(WSSecurityException.class, () -> chains.verifyTrust(client, false, ANY, null));
    }

    @Test
    void failuresRevocationChecksAndOtherConstraintsAreNeverAnsweredFromMemory() throws Exception {
        TrustedChains chains = new TrustedChains(trustStore(ca.caCertificate()), Duration.ofMinutes(5),
                Clock.systemUTC());
        X509Certificate[] stranger = {DemoPki.newCa("Stranger CA").issueRsa("intruder", Duration.ofDays(30))
                .certificate()};
        assertThrows(WSSecurityException.class, () -> chains.verifyTrust(stranger, false, ANY, null));
        assertThrows(WSSecurityException.class, () -> chains.verifyTrust(stranger, false, ANY, null));
        assertEquals(0, chains.remembered());

        chains.verifyTrust(client, false, ANY, null);
        assertThrows(WSSecurityException.class,
                () -> chains.verifyTrust(client, false, List.of(Pattern.compile("CN=someone else")), null),
                "a different subject constraint is a different question");
        assertEquals(1, chains.remembered());
    }

    @Test
    void aCertificateThatExpiresMeanwhileIsNotTrustedFromMemory() throws Exception {
        // DemoPki back-dates notBefore by an hour: this certificate expires about two minutes from now
        X509Certificate[] shortLived = {ca.issueRsa("short", Duration.ofMinutes(62)).certificate()};
        MovableClock clock = new MovableClock();
        KeyStore store = trustStore(ca.caCertificate());
        TrustedChains chains = new TrustedChains(store, Duration.ofMinutes(5), clock);
        chains.verifyTrust(shortLived, false, ANY, null);
        store.deleteEntry("ca"); // so that only a fresh check (not the memory) can answer below
        clock.now = shortLived[0].getNotAfter().toInstant().minusSeconds(1);
        assertDoesNotThrow(() -> chains.verifyTrust(shortLived, false, ANY, null));
        clock.now = shortLived[0].getNotAfter().toInstant().plusSeconds(1);
        assertThrows(WSSecurityException.class, () -> chains.verifyTrust(shortLived, false, ANY, null));
    }

    private static KeyStore trustStore(X509Certificate caCert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", caCert);
        return ks;
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
