package vn.lienthong.edxml.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.edxml.attach.NonClosingOutputStream;
import vn.lienthong.edxml.sign.SigningCredentials;

/**
 * Writes a self-verifying archive: the files first (streamed, each digested as it is written), then
 * {@code manifest.xml} — {@code <ArchiveManifest period created producer>} with one {@code <File path sha256 size>}
 * per file and an enveloped XML signature (RSA- or ECDSA-SHA256, exclusive C14N, the signer's certificate in
 * KeyInfo) — as the last entry. Nothing outside the archive is needed to check it ({@link ArchiveVerifier}).
 */
public final class SignedArchive implements AutoCloseable {

    public static final String MANIFEST = "manifest.xml";
    public static final String NS = "urn:lienthong:archive:1";

    private final ZipOutputStream zip;
    private final String period;
    private final String producer;
    private final SigningCredentials signer;
    private final List<String[]> listed = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private SignedArchive(OutputStream out, String period, String producer, SigningCredentials signer) {
        this.zip = new ZipOutputStream(out);
        this.period = period;
        this.producer = producer;
        this.signer = signer;
    }

    /** Starts an archive of one period (e.g. {@code 2026-05}) signed by {@code signer} when closed. */
    public static SignedArchive create(OutputStream out, String period, String producer, SigningCredentials signer) {
        return new SignedArchive(out, period, producer, signer);
    }

    /** Adds a file under {@code name} (a relative path with '/', no '..'). */
    public void add(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            add(name, in);
        }
    }

    public void add(String name, byte[] content) throws IOException {
        add(name, new java.io.ByteArrayInputStream(content));
    }

    public void add(String name, InputStream content) throws IOException {
        if (!ArchiveVerifier.safeName(name) || name.equals(MANIFEST) || !names.add(name)) {
            throw new IllegalArgumentException("not a usable archive entry name: " + name);
        }
        MessageDigest sha = sha256();
        zip.putNextEntry(new ZipEntry(name));
        long size;
        DigestOutputStream out = new DigestOutputStream(new NonClosingOutputStream(zip), sha);
        size = content.transferTo(out);
        out.flush();
        zip.closeEntry();
        listed.add(new String[] {name, HexFormat.of().formatHex(sha.digest()), Long.toString(size)});
    }

    /** Writes the signed manifest and finishes the ZIP. */
    @Override
    public void close() throws IOException {
        try {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            writeSignedManifest(new NonClosingOutputStream(zip));
            zip.closeEntry();
        } catch (GeneralSecurityException | ParserConfigurationException | TransformerException
                | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IOException("cannot sign the archive manifest: " + e.getMessage(), e);
        } finally {
            zip.close();
        }
    }

    private void writeSignedManifest(OutputStream out) throws GeneralSecurityException, ParserConfigurationException,
            TransformerException, javax.xml.crypto.MarshalException, javax.xml.crypto.dsig.XMLSignatureException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(NS, "ArchiveManifest");
        // Declared as an attribute too: canonicalization reads namespace declarations, not the DOM's namespace URIs.
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NS);
        root.setAttribute("period", period);
        root.setAttribute("created", OffsetDateTime.now().toString());
        root.setAttribute("producer", producer);
        doc.appendChild(root);
        List<String[]> sorted = new ArrayList<>(listed);
        Collections.sort(sorted, (a, b) -> a[0].compareTo(b[0]));
        for (String[] file : sorted) {
            Element e = doc.createElementNS(NS, "File");
            e.setAttribute("path", file[0]);
            e.setAttribute("sha256", file[1]);
            e.setAttribute("size", file[2]);
            root.appendChild(e);
        }
        XMLSignatureFactory xf = XMLSignatureFactory.getInstance("DOM");
        Reference ref = xf.newReference("", xf.newDigestMethod(DigestMethod.SHA256, null),
                List.of(xf.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        xf.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        String method = "EC".equals(signer.privateKey().getAlgorithm())
                ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
        SignedInfo si = xf.newSignedInfo(xf.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), xf.newSignatureMethod(method, null), List.of(ref));
        KeyInfoFactory kif = xf.getKeyInfoFactory();
        var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.copyOf(signer.chain()))));
        xf.newXMLSignature(si, keyInfo).sign(new DOMSignContext(signer.privateKey(), root));
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.transform(new DOMSource(doc), new StreamResult(out));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
