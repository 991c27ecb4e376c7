package vn.lienthong.edxml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.c14n.Canonicalizer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.edxml.EdxmlConstants;

/** The hand-written canonical form of Signature trees must be byte for byte what Santuario's canonicalizer gives. */
class SignatureCanonicalFormTest {

    private static final String TRICKY = "Bộ & <Thử> \"q\" 'a' \r\n\t x\u00A0y \uD83D\uDE00 ]]> &amp;";

    @Test
    void textAndAttributeEscapesMatchSantuario() throws Exception {
        Document doc = XmlSecurity.newDocument();
        Element apex = doc.createElementNS(EdxmlConstants.XMLDSIG_NS, "Signature");
        apex.setAttributeNS(XmlSecurity.XMLNS_NS, "xmlns", EdxmlConstants.XMLDSIG_NS);
        doc.appendChild(apex);
        Element a = child(apex, "Reference");
        a.setAttribute("URI", TRICKY);
        a.setAttribute("Id", "second-but-sorted-first");
        a.setAttribute("Algorithm", "");
        child(a, "DigestValue").setTextContent(TRICKY);
        child(a, "Empty");
        Element nested = child(child(apex, "KeyInfo"), "X509Data");
        child(nested, "X509SubjectName").setTextContent(TRICKY);
        assertEquals(santuario(apex), new String(SignatureCanonicalForm.of(apex), StandardCharsets.UTF_8));
        assertEquals(santuario(nested), new String(SignatureCanonicalForm.of(nested), StandardCharsets.UTF_8),
                "a subtree declares the default namespace on its own apex");
    }

    @Test
    void theBuiltSignatureIsItsOwnCanonicalForm() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, TRICKY)
                .addRDN(BCStyle.O, "A+B, C;D=\\E").build();
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.TEN, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        byte[] built = SignatureElementBuilder.build(new SigningCredentials(keys.getPrivate(), cert),
                SignatureAlgorithm.RSA_SHA256, new byte[32]);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document parsed = f.newDocumentBuilder().parse(new ByteArrayInputStream(built));
        assertEquals(santuario(parsed.getDocumentElement()), new String(built, StandardCharsets.UTF_8));
        assertArrayEquals(built, SignatureCanonicalForm.of(parsed.getDocumentElement()));
    }

    @Test
    void treesOfAnotherShapeAreRefused() {
        Document doc = XmlSecurity.newDocument();
        Element foreign = doc.createElementNS("urn:other", "x:Other");
        doc.appendChild(foreign);
        assertThrows(IllegalArgumentException.class, () -> SignatureCanonicalForm.of(foreign));
        Element sig = doc.createElementNS(EdxmlConstants.XMLDSIG_NS, "Signature");
        sig.appendChild(doc.createComment("no"));
        assertThrows(IllegalArgumentException.class, () -> SignatureCanonicalForm.of(sig));
        Element attr = doc.createElementNS(EdxmlConstants.XMLDSIG_NS, "Signature");
        attr.setAttributeNS("urn:other", "o:a", "v");
        assertThrows(IllegalArgumentException.class, () -> SignatureCanonicalForm.of(attr));
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(EdxmlConstants.XMLDSIG_NS, name);
        parent.appendChild(e);
        return e;
    }

    private static String santuario(Element e) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
