package vn.lienthong.docsig.pki;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Readable names from certificates (CN, O), for reports. */
public final class Names {

    private Names() {
    }

    public static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    public static String commonName(X509Certificate c) {
        return attribute(c, BCStyle.CN);
    }

    public static String organisation(X509Certificate c) {
        return attribute(c, BCStyle.O);
    }

    private static String attribute(X509Certificate c, ASN1ObjectIdentifier oid) {
        RDN[] rdns = X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs(oid);
        if (rdns.length == 0) {
            return null;
        }
        // The plain string (Vietnamese names unescaped); IETFUtils only for exotic encodings.
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }
}
