package vn.lienthong.docsig.pki;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import vn.lienthong.docsig.SignatureStatus;

/**
 * The RFC 3161 time-stamp token of a CMS signature (unsigned attribute signatureTimeStampToken): its own signature,
 * that it stamps exactly this signature value, and that its TSA chains to a trust anchor. Only then is its time
 * the signing time.
 */
public final class TimeStampCheck {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /**
     * @param time     the stamped time when the token is sound, else null
     * @param forged   true when a token is there but stamps another signature value (the signature is then INVALID)
     * @param note     what was found, for the report; null when there is no token
     */
    public record Outcome(Instant time, boolean forged, String note) {
        static final Outcome NONE = new Outcome(null, false, null);
    }

    private final CertificateChecks tsaChecks;

    public TimeStampCheck(CertificateChecks tsaChecks) {
        this.tsaChecks = tsaChecks;
    }

    public Outcome check(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attr = unsigned == null ? null
                : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null || attr.getAttrValues().size() == 0) {
            return Outcome.NONE;
        }
        try {
            ASN1Encodable value = attr.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
            String digestName = new DefaultAlgorithmNameFinder()
                    .getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID());
            byte[] imprint = MessageDigest.getInstance(digestName.replace("-", ""), BC).digest(signer.getSignature());
            if (!MessageDigest.isEqual(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                return new Outcome(null, true, "time-stamp token does not stamp this signature (message imprint differs)");
            }
            X509Certificate tsa = tsaCertificate(token);
            if (tsa == null) {
                return new Outcome(null, false, "time-stamp token without its TSA certificate: ignored");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            ChainOutcome trust = tsaChecks.check(tsa, otherCertificates(token), List.of(), time, true);
            if (trust.status() != SignatureStatus.VALID && trust.status() != SignatureStatus.REVOCATION_UNKNOWN) {
                return new Outcome(null, false, "time-stamp ignored: TSA " + trust.status() + ": " + trust.reason());
            }
            return new Outcome(time, false, "time-stamp of " + Names.subject(tsa));
        } catch (TSPException | IOException | OperatorCreationException | CertificateException
                 | NoSuchAlgorithmException | IllegalArgumentException e) {
            return new Outcome(null, false, "time-stamp token unusable (" + e + "): ignored");
        }
    }

    private static X509Certificate tsaCertificate(TimeStampToken token) throws CertificateException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(matches.iterator().next());
    }

    private static List<X509Certificate> otherCertificates(TimeStampToken token) throws CertificateException {
        Store<X509CertificateHolder> store = token.getCertificates();
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BC);
        java.util.ArrayList<X509Certificate> out = new java.util.ArrayList<>();
        for (X509CertificateHolder h : store.getMatches(null)) {
            out.add(conv.getCertificate(h));
        }
        return out;
    }
}
