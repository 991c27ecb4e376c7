package vn.lienthong.edxml.sign;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.apache.xml.security.exceptions.XMLSecurityException;
import vn.lienthong.edxml.EdxmlConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the Signature element of profile §10.2 around an already computed reference digest, signs its SignedInfo
 * with Santuario, and returns the element as exclusive-canonical bytes ({@link SignatureCanonicalForm}). Those
 * bytes are what gets inserted, so the SignedInfo a verifier canonicalises is byte-identical to the one that was
 * signed, and the DOM stays tiny.
 */
final class SignatureElementBuilder {

    private SignatureElementBuilder() {
    }

    static byte[] build(SigningCredentials creds, SignatureAlgorithm alg, byte[] digest) throws SigningException {
        try {
            Document doc = XmlSecurity.newDocument();
            Element signature = el(doc, "Signature");
            signature.setAttributeNS(XmlSecurity.XMLNS_NS, "xmlns", EdxmlConstants.XMLDSIG_NS);
            doc.appendChild(signature);
            Element signedInfo = child(signature, "SignedInfo");
            child(signedInfo, "CanonicalizationMethod").setAttribute("Algorithm", XmlSecurity.EXC_C14N);
            child(signedInfo, "SignatureMethod").setAttribute("Algorithm", alg.signatureUri());
            Element reference = child(signedInfo, "Reference");
            reference.setAttribute("URI", "");
            Element transforms = child(reference, "Transforms");
            child(transforms, "Transform").setAttribute("Algorithm", XmlSecurity.ENVELOPED);
            child(transforms, "Transform").setAttribute("Algorithm", XmlSecurity.EXC_C14N);
            child(reference, "DigestMethod").setAttribute("Algorithm", alg.digestUri());
            child(reference, "DigestValue").setTextContent(Base64.getEncoder().encodeToString(digest));
            Element signatureValue = child(signature, "SignatureValue");
            Element x509 = child(child(signature, "KeyInfo"), "X509Data");
            child(x509, "X509SubjectName").setTextContent(
                    creds.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253));
            child(x509, "X509Certificate").setTextContent(
                    Base64.getEncoder().encodeToString(creds.certificate().getEncoded()));

            org.apache.xml.security.algorithms.SignatureAlgorithm signer =
                    new org.apache.xml.security.algorithms.SignatureAlgorithm(doc, alg.signatureUri());
            signer.initSign(creds.privateKey());
            signer.update(canonical(signedInfo));
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(signer.sign()));
            return canonical(signature);
        } catch (XMLSecurityException | CertificateEncodingException e) {
            throw new SigningException("could not create the signature: " + e.getMessage(), e);
        }
    }

    /** Exclusive C14N of a subtree built here (the shape {@link SignatureCanonicalForm} knows). */
    private static byte[] canonical(Element element) {
        return SignatureCanonicalForm.of(element);
    }

    private static Element el(Document doc, String name) {
        return doc.createElementNS(EdxmlConstants.XMLDSIG_NS, name);
    }

    private static Element child(Element parent, String name) {
        Element e = el(parent.getOwnerDocument(), name);
        parent.appendChild(e);
        return e;
    }
}
