package vn.lienthong.edxml.sign;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.edxml.EdxmlConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a captured Signature says about its single reference, checked against the only shape a whole-package
 * signature may have: one Reference, {@code URI=""}, enveloped-signature first, then at most one C14N 1.0 or
 * exclusive C14N transform. Rejecting everything else is also the defence against signature wrapping: nothing
 * can point the reference at a part of the document.
 */
record SignatureProfile(StreamingCanonicalizer.Mode mode, Set<String> inclusivePrefixes, String digestUri,
                        String digestJcaName, byte[] expectedDigest, String signatureMethod,
                        List<X509Certificate> certificates) {

    private static final String EXC_NS = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    /** Thrown with a reason fit for {@link VerificationResult#reason()}. */
    static final class ProfileViolation extends Exception {
        ProfileViolation(String message) {
            super(message);
        }
    }

    static SignatureProfile of(Element signature) throws ProfileViolation {
        Element signedInfo = onlyChild(signature, "SignedInfo");
        Element method = onlyChild(signedInfo, "SignatureMethod");
        List<Element> references = children(signedInfo, "Reference");
        if (references.size() != 1) {
            throw new ProfileViolation("expected exactly one Reference, found " + references.size());
        }
        Element reference = references.get(0);
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            throw new ProfileViolation("the Reference must cover the whole package (URI=\"\")");
        }
        StreamingCanonicalizer.Mode mode = StreamingCanonicalizer.Mode.INCLUSIVE;
        Set<String> prefixes = Set.of();
        List<Element> transforms = children(reference, "Transforms").isEmpty() ? List.of()
                : children(onlyChild(reference, "Transforms"), "Transform");
        if (transforms.isEmpty() || !XmlSecurity.ENVELOPED.equals(transforms.get(0).getAttribute("Algorithm"))) {
            throw new ProfileViolation("the first transform must be enveloped-signature");
        }
        if (transforms.size() > 2) {
            throw new ProfileViolation("unsupported transform chain (" + transforms.size() + " transforms)");
        }
        if (transforms.size() == 2) {
            String alg = transforms.get(1).getAttribute("Algorithm");
            switch (alg) {
                case XmlSecurity.EXC_C14N, XmlSecurity.EXC_C14N_WITH_COMMENTS -> {
                    mode = StreamingCanonicalizer.Mode.EXCLUSIVE;
                    prefixes = inclusivePrefixes(transforms.get(1));
                }
                case XmlSecurity.C14N, XmlSecurity.C14N_WITH_COMMENTS -> mode = StreamingCanonicalizer.Mode.INCLUSIVE;
                default -> throw new ProfileViolation("unsupported transform " + alg);
            }
        }
        String digestUri = onlyChild(reference, "DigestMethod").getAttribute("Algorithm");
        String jca = DIGESTS.get(digestUri);
        if (jca == null) {
            throw new ProfileViolation("unsupported digest " + digestUri);
        }
        byte[] expected;
        try {
            expected = Base64.getMimeDecoder().decode(onlyChild(reference, "DigestValue").getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new ProfileViolation("DigestValue is not base64");
        }
        return new SignatureProfile(mode, prefixes, digestUri, jca, expected, method.getAttribute("Algorithm"),
                certificates(signature));
    }

    private static Set<String> inclusivePrefixes(Element transform) {
        NodeList list = transform.getElementsByTagNameNS(EXC_NS, "InclusiveNamespaces");
        if (list.getLength() == 0) {
            return Set.of();
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String p : ((Element) list.item(0)).getAttribute("PrefixList").trim().split("\\s+")) {
            if (!p.isEmpty()) {
                prefixes.add("#default".equals(p) ? "" : p);
            }
        }
        return prefixes;
    }

    private static List<X509Certificate> certificates(Element signature) throws ProfileViolation {
        List<X509Certificate> certs = new ArrayList<>();
        NodeList list = signature.getElementsByTagNameNS(EdxmlConstants.XMLDSIG_NS, "X509Certificate");
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < list.getLength(); i++) {
                byte[] der = Base64.getMimeDecoder().decode(list.item(i).getTextContent().strip());
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new ProfileViolation("X509Certificate cannot be decoded");
        }
        return certs;
    }

    static Element onlyChild(Element parent, String name) throws ProfileViolation {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new ProfileViolation("expected one " + name + " in " + parent.getLocalName() + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && EdxmlConstants.XMLDSIG_NS.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
