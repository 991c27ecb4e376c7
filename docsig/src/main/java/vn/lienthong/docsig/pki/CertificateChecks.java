package vn.lienthong.docsig.pki;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import vn.lienthong.docsig.SignatureStatus;

/**
 * Offline checks of a signer's certificate: a chain to a configured trust anchor, every certificate of it valid at
 * the signing time, and revocation by the CRLs at hand (configured or embedded in the document). Only when no CRL of
 * an issuer is at hand and an {@link OnlineRevocation} was given is the network asked (its distribution points,
 * then OCSP); without one nothing is ever fetched.
 */
public final class CertificateChecks {

    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> configuredCrls;
    private final OnlineRevocation online;

    public CertificateChecks(Set<TrustAnchor> anchors, Collection<X509CRL> configuredCrls) {
        this(anchors, configuredCrls, null);
    }

    /** @param online asked when no CRL of an issuer is at hand; null: offline only */
    public CertificateChecks(Set<TrustAnchor> anchors, Collection<X509CRL> configuredCrls, OnlineRevocation online) {
        this.anchors = Set.copyOf(anchors);
        this.configuredCrls = List.copyOf(configuredCrls);
        this.online = online;
    }

    /**
     * @param signer       the signer's certificate
     * @param others       further certificates the document carries (intermediates)
     * @param embeddedCrls CRLs the document carries
     * @param at           the signing time
     * @param timeTrusted  true when {@code at} comes from a verified time-stamp token (a revocation after it does
     *                     not touch the signature); false for a time the signer claims
     */
    public ChainOutcome check(X509Certificate signer, Collection<X509Certificate> others,
            Collection<X509CRL> embeddedCrls, Instant at, boolean timeTrusted) {
        if (anchors.isEmpty()) {
            return new ChainOutcome(SignatureStatus.UNTRUSTED, "no trust anchors configured");
        }
        List<X509Certificate> chain;
        try {
            chain = buildChain(signer, others);
        } catch (CertPathBuilderException e) {
            return new ChainOutcome(SignatureStatus.UNTRUSTED, "no chain from " + Names.subject(signer)
                    + " to a configured trust anchor");
        } catch (GeneralSecurityException e) {
            return new ChainOutcome(SignatureStatus.UNTRUSTED, "chain not built: " + e.getMessage());
        }
        for (X509Certificate c : chain) {
            if (at.isBefore(c.getNotBefore().toInstant())) {
                return new ChainOutcome(SignatureStatus.EXPIRED_AT_SIGNING, "certificate " + Names.subject(c)
                        + " not yet valid at signing time " + at + " (valid from " + c.getNotBefore().toInstant() + ")");
            }
            if (at.isAfter(c.getNotAfter().toInstant())) {
                return new ChainOutcome(SignatureStatus.EXPIRED_AT_SIGNING, "certificate " + Names.subject(c)
                        + " expired at signing time " + at + " (valid until " + c.getNotAfter().toInstant() + ")");
            }
        }
        return revocation(chain, embeddedCrls, at, timeTrusted);
    }

    /** The chain from the signer to the anchor's certificate, both included. */
    private List<X509Certificate> buildChain(X509Certificate signer, Collection<X509Certificate> others)
            throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        // Revocation is checked below with the CRLs at hand, and validity at the signing time, not by PKIX at
        // "now": build at an instant inside the signer's validity so an expired signer is still recognised as ours.
        params.setRevocationEnabled(false);
        params.setDate(midpoint(signer));
        List<X509Certificate> pool = new ArrayList<>(others);
        pool.add(signer);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        PKIXCertPathBuilderResult result;
        try {
            result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
        } catch (InvalidAlgorithmParameterException e) {
            throw new CertPathBuilderException(e);
        }
        List<X509Certificate> chain = new ArrayList<>();
        result.getCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
        X509Certificate anchorCert = result.getTrustAnchor().getTrustedCert();
        if (anchorCert != null) {
            chain.add(anchorCert);
        }
        return chain;
    }

    private static Date midpoint(X509Certificate c) {
        long from = c.getNotBefore().getTime();
        return new Date(from + (c.getNotAfter().getTime() - from) / 2);
    }

    private ChainOutcome revocation(List<X509Certificate> chain, Collection<X509CRL> embeddedCrls, Instant at,
            boolean timeTrusted) {
        List<X509CRL> crls = new ArrayList<>(configuredCrls);
        crls.addAll(embeddedCrls);
        List<String> unknown = new ArrayList<>();
        // The anchor (last) is trusted as configured; every certificate below it is checked against its issuer's CRL.
        for (int i = 0; i < chain.size() - 1; i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            X509CRL crl = crlOf(issuer, crls);
            Instant revoked;
            String source;
            if (crl != null) {
                X509CRLEntry entry = crl.getRevokedCertificate(cert);
                revoked = entry == null ? null : entry.getRevocationDate().toInstant();
                source = entry == null || entry.getRevocationReason() == null ? ""
                        : " (" + entry.getRevocationReason() + ")";
            } else if (online != null) {
                OnlineRevocation.Answer answer = online.check(cert, issuer);
                if (answer.status() == OnlineRevocation.Status.UNKNOWN) {
                    unknown.add(Names.subject(issuer) + " (online: " + answer.detail() + ")");
                    continue;
                }
                revoked = answer.revokedAt();
                source = " (" + answer.detail() + ")";
            } else {
                unknown.add(Names.subject(issuer));
                continue;
            }
            if (revoked != null && (!timeTrusted || !revoked.isAfter(at))) {
                return new ChainOutcome(SignatureStatus.REVOKED, "certificate " + Names.subject(cert)
                        + " revoked on " + revoked + source + (timeTrusted ? ", before the time-stamp"
                        : "; the signing time is claimed by the signer, so any revocation counts"));
            }
        }
        if (!unknown.isEmpty()) {
            return new ChainOutcome(SignatureStatus.REVOCATION_UNKNOWN, "chain to a trust anchor, valid at signing "
                    + "time; no CRL of " + String.join(", ", unknown) + " supplied or embedded"
                    + (online == null ? " (offline check)" : ""));
        }
        return new ChainOutcome(SignatureStatus.VALID, "chain to a trust anchor, valid at signing time, not revoked");
    }

    /** A CRL issued and signed by {@code issuer}, the most recent one when several are at hand. */
    private static X509CRL crlOf(X509Certificate issuer, List<X509CRL> crls) {
        X509CRL best = null;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                continue; // not signed by this issuer's key: worthless
            }
            if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
                best = crl;
            }
        }
        return best;
    }
}
