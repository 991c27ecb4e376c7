package vn.lienthong.edxml.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks an archive written by {@link SignedArchive} with nothing but the file: the manifest's XML signature
 * (with the certificate it carries; optionally that certificate must be one of, or issued by one of, the given
 * trust anchors), then every entry against the manifest — each listed file present with its SHA-256 and size,
 * no entry that the manifest does not list, no unsafe entry name.
 */
public final class ArchiveVerifier {

    private final List<X509Certificate> anchors;

    public ArchiveVerifier(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** The outcome: {@code intact} only when the signature and every file check out; {@code problems} says why not. */
    public record Verification(boolean intact, String period, int files, X509Certificate signer, List<String> problems) {
    }

    public Verification verify(Path archive) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(SignedArchive.MANIFEST);
            if (manifestEntry == null) {
                return new Verification(false, null, 0, null, List.of("no " + SignedArchive.MANIFEST));
            }
            byte[] manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = in.readNBytes(64 * 1024 * 1024);
            }
            Document doc = parse(manifest);
            Element root = doc.getDocumentElement();
            if (!SignedArchive.NS.equals(root.getNamespaceURI()) || !"ArchiveManifest".equals(root.getLocalName())) {
                return new Verification(false, null, 0, null, List.of("not an archive manifest"));
            }
            X509Certificate signer = checkSignature(root, problems);
            Map<String, String[]> listed = new HashMap<>();
            NodeList files = root.getElementsByTagNameNS(SignedArchive.NS, "File");
            for (int i = 0; i < files.getLength(); i++) {
                Element f = (Element) files.item(i);
                if (listed.put(f.getAttribute("path"), new String[] {f.getAttribute("sha256"), f.getAttribute("size")})
                        != null) {
                    problems.add("listed twice: " + f.getAttribute("path"));
                }
            }
            Map<String, Boolean> seen = new HashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.equals(SignedArchive.MANIFEST) || entry.isDirectory()) {
                    continue;
                }
                if (!safeName(name)) {
                    problems.add("unsafe entry name: " + name);
                    continue;
                }
                if (seen.put(name, Boolean.TRUE) != null) {
                    problems.add("entry present twice: " + name);
                }
                String[] expected = listed.get(name);
                if (expected == null) {
                    problems.add("not in the manifest: " + name);
                    continue;
                }
                MessageDigest sha = SignedArchive.sha256();
                long size;
                try (InputStream in = zip.getInputStream(entry)) {
                    size = new java.security.DigestInputStream(in, sha).transferTo(OutputStream.nullOutputStream());
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(expected[0])
                        || !Long.toString(size).equals(expected[1])) {
                    problems.add("content differs from the manifest: " + name);
                }
            }
            for (String name : listed.keySet()) {
                if (!seen.containsKey(name)) {
                    problems.add("missing: " + name);
                }
            }
            return new Verification(problems.isEmpty(), root.getAttribute("period"), listed.size(), signer,
                    List.copyOf(problems));
        }
    }

    private X509Certificate checkSignature(Element root, List<String> problems) {
        NodeList signatures = root.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            problems.add("the manifest must carry exactly one signature, found " + signatures.getLength());
            return null;
        }
        try {
            XMLSignatureFactory xf = XMLSignatureFactory.getInstance("DOM");
            Element sig = (Element) signatures.item(0);
            if (sig.getParentNode() != root) {
                problems.add("the signature is not the manifest's own");
                return null;
            }
            X509Certificate signer = certificate(sig);
            if (signer == null) {
                problems.add("no signer certificate in the signature");
                return null;
            }
            DOMValidateContext ctx = new DOMValidateContext(signer.getPublicKey(), sig);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = xf.unmarshalXMLSignature(ctx);
            var refs = signature.getSignedInfo().getReferences();
            if (refs.size() != 1 || !"".equals(((javax.xml.crypto.dsig.Reference) refs.get(0)).getURI())) {
                problems.add("the signature must cover the whole manifest (one reference, URI \"\")");
            } else if (!signature.validate(ctx)) {
                problems.add("the manifest's signature does not verify (manifest changed after signing)");
            }
            if (!anchors.isEmpty() && !trusted(signer)) {
                problems.add("the signer is not one of the trust anchors nor issued by one: "
                        + signer.getSubjectX500Principal().getName());
            }
            return signer;
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException
                | javax.xml.crypto.dsig.XMLSignatureException | RuntimeException e) {
            problems.add("the manifest's signature cannot be checked: " + e.getMessage());
            return null;
        }
    }

    /** The first X509Certificate of the signature's KeyInfo: the signer's (SignedArchive writes it first). */
    private static X509Certificate certificate(Element sig) throws GeneralSecurityException {
        NodeList certs = sig.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        if (certs.getLength() == 0) {
            return null;
        }
        byte[] der = java.util.Base64.getMimeDecoder().decode(certs.item(0).getTextContent().trim());
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private boolean trusted(X509Certificate signer) {
        for (X509Certificate anchor : anchors) {
            if (anchor.equals(signer)) {
                return true;
            }
            try {
                if (anchor.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                    signer.verify(anchor.getPublicKey());
                    return true;
                }
            } catch (GeneralSecurityException notThisOne) {
                // try the next anchor
            }
        }
        return false;
    }

    /** A relative path with '/' separators, no '..', no absolute or drive prefix, no backslash. */
    static boolean safeName(String name) {
        return !name.isEmpty() && !name.startsWith("/") && !name.contains("\\") && !name.contains(":")
                && java.util.Arrays.stream(name.split("/")).noneMatch(p -> p.isEmpty() || p.equals("..")
                        || p.equals("."));
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("the manifest is not readable XML: " + e.getMessage(), e);
        }
    }
}
