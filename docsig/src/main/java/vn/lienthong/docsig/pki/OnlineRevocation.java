package vn.lienthong.docsig.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Revocation asked on the network when no CRL of the issuer is at hand (off unless the caller builds one): first the
 * CRL from the certificate's CRL Distribution Points ({@code http} URLs), cached per URL until its nextUpdate (at most
 * the cache lifetime), then the OCSP responder named in its Authority Information Access. Every answer must be
 * signed by the issuer (a CRL; an OCSP answer also by a responder certificate the issuer gave id-kp-OCSPSigning)
 * and current; anything else — unreachable, refused, too large, stale, wrongly signed — gives an UNKNOWN answer with
 * the reason, never an error: the verification goes on offline. A URL that failed is not asked again for
 * {@link #FAILURE_MEMORY}, so a dead server costs one timeout per minute, not one per verification.
 * Thread-safe; the network itself is behind {@link RevocationFetcher}.
 */
public final class OnlineRevocation {

    /** How long a failed URL is left alone. */
    public static final Duration FAILURE_MEMORY = Duration.ofMinutes(1);
    /** Clock difference tolerated between us and a responder. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** An OCSP answer without nextUpdate counts only this long after its thisUpdate. */
    private static final Duration OCSP_WITHOUT_NEXT_UPDATE = Duration.ofHours(1);
    /** URLs of each kind tried per certificate: bounds the time a certificate listing many can take. */
    private static final int MAX_URLS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the network said about one certificate. */
    public enum Status { GOOD, REVOKED, UNKNOWN }

    /** An answer: the status, when revoked the revocation time, and where it came from or why it is unknown. */
    public record Answer(Status status, Instant revokedAt, String detail) {
        static Answer unknown(String why) {
            return new Answer(Status.UNKNOWN, null, why);
        }
    }

    private record Cached(X509CRL crl, String failure, Instant until) {
    }

    private final RevocationFetcher fetcher;
    private final Duration cacheLifetime;
    private final Clock clock;
    private final Map<String, Cached> crls = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedResponders = new ConcurrentHashMap<>();

    public OnlineRevocation(RevocationFetcher fetcher, Duration cacheLifetime) {
        this(fetcher, cacheLifetime, Clock.systemUTC());
    }

    OnlineRevocation(RevocationFetcher fetcher, Duration cacheLifetime, Clock clock) {
        this.fetcher = fetcher;
        this.cacheLifetime = cacheLifetime;
        this.clock = clock;
    }

    /** Asks the distribution points, then the OCSP responder, about {@code cert} issued by {@code issuer}. */
    public Answer check(X509Certificate cert, X509Certificate issuer) {
        List<String> problems = new ArrayList<>();
        for (URI uri : crlUrls(cert)) {
            Cached c = crl(uri, issuer);
            if (c.crl() == null) {
                problems.add("CRL " + uri + ": " + c.failure());
                continue;
            }
            X509CRLEntry entry = c.crl().getRevokedCertificate(cert);
            return entry == null ? new Answer(Status.GOOD, null, "CRL fetched from " + uri)
                    : new Answer(Status.REVOKED, entry.getRevocationDate().toInstant(), "CRL fetched from " + uri);
        }
        for (URI uri : ocspUrls(cert)) {
            Answer a = ocsp(uri, cert, issuer);
            if (a.status() != Status.UNKNOWN) {
                return a;
            }
            problems.add("OCSP " + uri + ": " + a.detail());
        }
        return Answer.unknown(problems.isEmpty() ? "no http CRL distribution point or OCSP responder in the certificate"
                : String.join("; ", problems));
    }

    private Cached crl(URI uri, X509Certificate issuer) {
        Instant now = clock.instant();
        String key = uri.toString();
        Cached c = crls.get(key);
        if (c != null && now.isBefore(c.until())) {
            // A cached CRL is checked against this issuer again (cheap): two CAs could name the same URL.
            String wrong = c.crl() == null ? null : unusable(c.crl(), issuer, now);
            return wrong == null ? c : new Cached(null, wrong, c.until());
        }
        Cached fresh;
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                    new ByteArrayInputStream(fetcher.get(uri)));
            String wrong = unusable(crl, issuer, now);
            if (wrong != null) {
                fresh = new Cached(null, wrong, now.plus(FAILURE_MEMORY));
            } else {
                Instant until = now.plus(cacheLifetime);
                if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
                    until = crl.getNextUpdate().toInstant();
                }
                fresh = new Cached(crl, null, until);
            }
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            fresh = new Cached(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    now.plus(FAILURE_MEMORY));
        }
        crls.put(key, fresh);
        return fresh;
    }

    /** Why a fetched CRL cannot be used, or null: same checks as for the CRLs at hand, plus currency. */
    private static String unusable(X509CRL crl, X509Certificate issuer, Instant now) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return "issued by " + crl.getIssuerX500Principal().getName() + ", not by the certificate's issuer";
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            return "not signed by the issuer's key";
        }
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().plus(SKEW).isBefore(now)) {
            return "out of date (next update was " + crl.getNextUpdate().toInstant() + ")";
        }
        return null;
    }

    private Answer ocsp(URI uri, X509Certificate cert, X509Certificate issuer) {
        Instant now = clock.instant();
        Instant failedUntil = failedResponders.get(uri.toString());
        if (failedUntil != null && now.isBefore(failedUntil)) {
            return Answer.unknown("failed moments ago, not asked again before " + failedUntil);
        }
        Answer a;
        try {
            a = askResponder(uri, cert, issuer, now);
        } catch (IOException | OCSPException | OperatorCreationException | GeneralSecurityException | CertException
                 | IllegalArgumentException | ClassCastException e) {
            a = Answer.unknown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (a.status() == Status.UNKNOWN) {
            failedResponders.put(uri.toString(), now.plus(FAILURE_MEMORY));
        } else {
            failedResponders.remove(uri.toString());
        }
        return a;
    }

    private Answer askResponder(URI uri, X509Certificate cert, X509Certificate issuer, Instant now)
            throws IOException, OCSPException, OperatorCreationException, GeneralSecurityException, CertException {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
        request.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce))));
        OCSPResp response = new OCSPResp(fetcher.post(uri, request.build().getEncoded(), "application/ocsp-request"));
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return Answer.unknown("responder status " + response.getStatus());
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            return Answer.unknown("not a basic OCSP response");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !Arrays.equals(nonce, nonceOf(echoed))) {
            return Answer.unknown("nonce of another request (replayed answer)");
        }
        String signer = signedBy(basic, issuer, now);
        if (signer == null) {
            return Answer.unknown("answer not signed by the issuer nor by an OCSP responder certificate it issued");
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Date next = single.getNextUpdate();
            if (thisUpdate.minus(SKEW).isAfter(now)) {
                return Answer.unknown("answer dated in the future (" + thisUpdate + ")");
            }
            if (next != null ? next.toInstant().plus(SKEW).isBefore(now)
                    : thisUpdate.plus(OCSP_WITHOUT_NEXT_UPDATE).isBefore(now)) {
                return Answer.unknown("answer out of date (this update " + thisUpdate + ")");
            }
            CertificateStatus status = single.getCertStatus();
            String from = "OCSP " + uri + " (signed by " + signer + ")";
            if (status == CertificateStatus.GOOD) {
                return new Answer(Status.GOOD, null, from);
            }
            if (status instanceof RevokedStatus revoked) {
                return new Answer(Status.REVOKED, revoked.getRevocationTime().toInstant(), from);
            }
            if (status instanceof UnknownStatus) {
                return Answer.unknown("the responder does not know the certificate");
            }
        }
        return Answer.unknown("answer about another certificate");
    }

    private static byte[] nonceOf(Extension e) {
        ASN1OctetString value = e.getExtnValue();
        try {
            // RFC 8954: the value is an OCTET STRING holding the nonce; some responders put the bare bytes.
            ASN1Primitive inner = ASN1Primitive.fromByteArray(value.getOctets());
            return inner instanceof ASN1OctetString o ? o.getOctets() : value.getOctets();
        } catch (IOException notDer) {
            return value.getOctets();
        }
    }

    /** Who signed the answer: "the issuer", a delegated responder's subject, or null when neither verifies. */
    private static String signedBy(BasicOCSPResp basic, X509Certificate issuer, Instant now)
            throws OperatorCreationException, OCSPException, GeneralSecurityException, IOException, CertException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return "the issuer";
        }
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        ContentVerifierProvider byIssuer = verifiers.build(issuer.getPublicKey());
        for (X509CertificateHolder responder : basic.getCerts()) {
            if (!responder.getIssuer().equals(issuerHolder.getSubject()) || !responder.isValidOn(Date.from(now))
                    || !responder.isSignatureValid(byIssuer) || !ocspSigning(responder)) {
                continue;
            }
            if (basic.isSignatureValid(verifiers.build(responder))) {
                return responder.getSubject().toString();
            }
        }
        return null;
    }

    private static boolean ocspSigning(X509CertificateHolder responder) {
        org.bouncycastle.asn1.x509.ExtendedKeyUsage eku =
                org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        return eku != null && eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
    }

    static List<URI> crlUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        ASN1Encodable ext = extension(cert, Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        for (DistributionPoint dp : CRLDistPoint.getInstance(ext).getDistributionPoints()) {
            DistributionPointName name = dp.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                addHttp(GeneralNames.getInstance(name.getName()), out);
            }
        }
        return out;
    }

    static List<URI> ocspUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        ASN1Encodable ext = extension(cert, Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return out;
        }
        for (AccessDescription d : AuthorityInformationAccess.getInstance(ext).getAccessDescriptions()) {
            if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                addHttp(new GeneralNames(d.getAccessLocation()), out);
            }
        }
        return out;
    }

    private static void addHttp(GeneralNames names, List<URI> out) {
        for (GeneralName n : names.getNames()) {
            if (out.size() >= MAX_URLS) {
                return;
            }
            if (n.getTagNo() != GeneralName.uniformResourceIdentifier) {
                continue;
            }
            String s = n.getName().toString();
            try {
                URI uri = new URI(s);
                if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                    out.add(uri); // ldap:// and others are skipped: only plain HTTP is fetched
                }
            } catch (URISyntaxException ignored) {
                // not a URL we could ask
            }
        }
    }

    private static ASN1Encodable extension(X509Certificate cert, String oid) {
        byte[] value = cert.getExtensionValue(oid);
        if (value == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets());
        } catch (IOException | IllegalArgumentException e) {
            return null; // a malformed extension names no place to ask
        }
    }
}
