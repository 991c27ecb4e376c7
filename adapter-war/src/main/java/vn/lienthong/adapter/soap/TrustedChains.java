package vn.lienthong.adapter.soap;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

import vn.lienthong.adapter.platform.io.Sha256;

/**
 * The trust store of the signed profile, remembering for a short while which client certificate chains it has
 * already validated: the same client signs every request with the same certificate, and WSS4J would otherwise build
 * and validate its PKIX path (and search the trust store for the issuer) on each one.
 * <ul>
 * <li>A chain is remembered only after WSS4J's own check passed, under the SHA-256 of every certificate's encoding
 * and of the subject/issuer constraints it was checked with (a different chain or different constraints is a
 * miss).</li>
 * <li>It is trusted again without a path check until {@code ttl} has passed or its first certificate expires,
 * whichever is earlier, and only while every certificate of the chain is within its validity period now.</li>
 * <li>Checks with revocation enabled are never answered from memory (a CRL may have changed).</li>
 * <li>Replacing the trust store (or the key store) forgets everything; failures are never remembered.</li>
 * </ul>
 */
final class TrustedChains extends Merlin {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** Bound on the remembered chains; beyond it the memory is emptied and refilled by the next requests. */
    static final int MAX_CHAINS = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Instant> verifiedUntil = new ConcurrentHashMap<>();

    TrustedChains(KeyStore trustStore, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        setTrustStore(trustStore);
    }

    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation,
            Collection<Pattern> subjectCertConstraints, Collection<Pattern> issuerCertConstraints)
            throws WSSecurityException {
        String key = enableRevocation || certs == null || certs.length == 0 ? null
                : key(certs, subjectCertConstraints, issuerCertConstraints);
        Instant now = clock.instant();
        if (key != null) {
            Instant until = verifiedUntil.get(key);
            if (until != null && now.isBefore(until) && validAt(certs, now)) {
                return;
            }
        }
        super.verifyTrust(certs, enableRevocation, subjectCertConstraints, issuerCertConstraints);
        if (key != null) {
            if (verifiedUntil.size() >= MAX_CHAINS) {
                verifiedUntil.clear();
            }
            Instant until = now.plus(ttl);
            for (X509Certificate c : certs) {
                Instant notAfter = c.getNotAfter().toInstant();
                if (notAfter.isBefore(until)) {
                    until = notAfter;
                }
            }
            verifiedUntil.put(key, until);
        }
    }

    @Override
    public void setTrustStore(KeyStore trustStore) {
        verifiedUntil.clear();
        super.setTrustStore(trustStore);
    }

    @Override
    public void setKeyStore(KeyStore keyStore) {
        verifiedUntil.clear();
        super.setKeyStore(keyStore);
    }

    /** How many chains are remembered (for tests). */
    int remembered() {
        return verifiedUntil.size();
    }

    private static boolean validAt(X509Certificate[] certs, Instant now) {
        Date at = Date.from(now);
        for (X509Certificate c : certs) {
            try {
                c.checkValidity(at);
            } catch (CertificateException e) {
                return false;
            }
        }
        return true;
    }

    private static String key(X509Certificate[] certs, Collection<Pattern> subject, Collection<Pattern> issuer) {
        MessageDigest sha = Sha256.digest();
        try {
            for (X509Certificate c : certs) {
                byte[] der = c.getEncoded();
                sha.update(Integer.toString(der.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(der);
            }
        } catch (CertificateEncodingException e) {
            return null; // not cacheable: let WSS4J decide every time
        }
        sha.update(("|s" + patterns(subject) + "|i" + patterns(issuer)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String patterns(Collection<Pattern> patterns) {
        if (patterns == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (Pattern p : patterns) {
            String s = p.pattern();
            b.append(s.length()).append(':').append(s).append(',');
        }
        return b.toString();
    }
}
