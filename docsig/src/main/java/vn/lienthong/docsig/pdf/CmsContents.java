package vn.lienthong.docsig.pdf;

import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Store;

/** Certificates, CRLs and the claimed signing time carried inside a CMS signature. */
final class CmsContents {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** Adobe's revocation archive signed attribute (adbe-revocationInfoArchival), where Acrobat embeds CRLs. */
    private static final ASN1ObjectIdentifier ADOBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    private CmsContents() {
    }

    static List<X509Certificate> certificates(Store<X509CertificateHolder> store) throws CertificateException {
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BC);
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : store.getMatches(null)) {
            out.add(conv.getCertificate(h));
        }
        return out;
    }

    static List<X509CRL> crls(Store<X509CRLHolder> store, SignerInformation signer) throws CRLException {
        JcaX509CRLConverter conv = new JcaX509CRLConverter().setProvider(BC);
        List<X509CRL> out = new ArrayList<>();
        for (X509CRLHolder h : store.getMatches(null)) {
            out.add(conv.getCRL(h));
        }
        AttributeTable signed = signer.getSignedAttributes();
        Attribute archive = signed == null ? null : signed.get(ADOBE_REVOCATION);
        if (archive != null && archive.getAttrValues().size() > 0) {
            // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE of CRLs OPTIONAL, ocsp [1] ..., ... }
            for (ASN1Encodable part : ASN1Sequence.getInstance(archive.getAttrValues().getObjectAt(0))) {
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(part);
                if (tagged.getTagNo() == 0) {
                    for (ASN1Encodable crl : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
                        out.add(conv.getCRL(new X509CRLHolder(CertificateList.getInstance(crl))));
                    }
                }
            }
        }
        return out;
    }

    /** The signed attribute signingTime, or null. */
    static Instant signingTime(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attr = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attr == null || attr.getAttrValues().size() == 0) {
            return null;
        }
        return Time.getInstance(attr.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }
}
