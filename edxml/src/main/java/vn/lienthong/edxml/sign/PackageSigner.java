package vn.lienthong.edxml.sign;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.SecureXml;

/**
 * Signs a finished package with the enveloped XMLDSig profile of spec §10.2, streaming: pass one canonicalises
 * the package (exclusive C14N) straight into the reference digest; the tiny Signature element is then built and
 * signed; pass two copies the package byte for byte and inserts the Signature as the last child of
 * {@code edXMLHeader}. Nothing but the Signature is ever held in memory, whatever the attachment size.
 * Because no whitespace is added around the inserted element, the signed document minus its Signature is exactly
 * the input, which is what the enveloped-signature transform digests. Thread-safe.
 */
public final class PackageSigner {

    private final SigningCredentials credentials;
    private final SignatureAlgorithm algorithm;

    public PackageSigner(SigningCredentials credentials, SignatureAlgorithm algorithm) {
        this.credentials = Objects.requireNonNull(credentials);
        this.algorithm = Objects.requireNonNull(algorithm);
        String keyAlg = credentials.privateKey().getAlgorithm();
        boolean matches = algorithm.keyAlgorithm().equals(keyAlg)
                || ("EC".equals(algorithm.keyAlgorithm()) && "ECDSA".equals(keyAlg));
        if (!matches) {
            throw new IllegalArgumentException("algorithm " + algorithm + " needs a " + algorithm.keyAlgorithm()
                    + " key, got " + keyAlg);
        }
    }

    public PackageSigner(SigningCredentials credentials) {
        this(credentials, SignatureAlgorithm.DEFAULT);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Signs {@code unsignedPackage} into {@code signedOut} (created or replaced). A package of at most
     * {@link #IN_MEMORY_LIMIT} bytes is read once and signed in memory; a larger one is streamed (read twice,
     * nothing but the Signature held in memory).
     */
    public void sign(Path unsignedPackage, Path signedOut) throws IOException {
        if (Files.size(unsignedPackage) <= IN_MEMORY_LIMIT) {
            byte[] signed = sign(Files.readAllBytes(unsignedPackage));
            Files.write(signedOut, signed);
            return;
        }
        HeaderDigest pass1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(unsignedPackage), 64 * 1024)) {
            pass1 = digest(in);
        }
        byte[] signature = SignatureElementBuilder.build(credentials, algorithm, pass1.digest());
        try (InputStream in = Files.newInputStream(unsignedPackage);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(signedOut), 64 * 1024)) {
            EndTagInserter.copyInserting(in, out, pass1.headerEndTagName(), signature);
        }
    }

    /**
     * In-memory variant for small packages: the same two passes over the array, no file written or read. The
     * result is byte for byte what {@link #sign(Path, Path)} writes for the same input.
     */
    public byte[] sign(byte[] unsignedPackage) throws IOException {
        HeaderDigest pass1 = digest(new ByteArrayInputStream(unsignedPackage));
        byte[] signature = SignatureElementBuilder.build(credentials, algorithm, pass1.digest());
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPackage.length + signature.length);
        EndTagInserter.copyInserting(new ByteArrayInputStream(unsignedPackage), out, pass1.headerEndTagName(),
                signature);
        return out.toByteArray();
    }

    /**
     * Stream variant: a package of at most {@link #IN_MEMORY_LIMIT} bytes is signed in memory; a larger one is
     * spooled to a temporary file while it is digested (it cannot be read twice), then copied with the Signature
     * inserted, so memory stays bounded whatever the size. The temporary file is always deleted. {@code out} is not
     * closed.
     */
    public void sign(InputStream unsignedPackage, OutputStream signedOut) throws IOException {
        byte[] head = unsignedPackage.readNBytes(IN_MEMORY_LIMIT + 1);
        if (head.length <= IN_MEMORY_LIMIT) {
            signedOut.write(sign(head));
            signedOut.flush();
            return;
        }
        signSpooled(new java.io.SequenceInputStream(new ByteArrayInputStream(head), unsignedPackage), signedOut);
    }

    /** Largest package {@link #sign(InputStream, OutputStream)} keeps in memory instead of spooling it to a file. */
    public static final int IN_MEMORY_LIMIT = 1024 * 1024;

    private void signSpooled(InputStream unsignedPackage, OutputStream signedOut) throws IOException {
        Path spool = Files.createTempFile("edxml-sign-", ".edxml");
        try {
            HeaderDigest pass1;
            try (OutputStream copy = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024);
                 InputStream tee = new TeeInputStream(new BufferedInputStream(unsignedPackage, 64 * 1024), copy)) {
                pass1 = digest(tee);
                tee.transferTo(OutputStream.nullOutputStream());
            }
            byte[] signature = SignatureElementBuilder.build(credentials, algorithm, pass1.digest());
            try (InputStream in = Files.newInputStream(spool)) {
                OutputStream out = new BufferedOutputStream(signedOut, 64 * 1024);
                EndTagInserter.copyInserting(in, out, pass1.headerEndTagName(), signature);
                out.flush();
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private record HeaderDigest(byte[] digest, String headerEndTagName) {
    }

    private HeaderDigest digest(InputStream in) throws IOException {
        DigestOutputStream digestOut = new DigestOutputStream(newDigest());
        StreamingCanonicalizer c14n = new StreamingCanonicalizer(digestOut,
                StreamingCanonicalizer.Mode.EXCLUSIVE, null);
        XMLStreamReader r = SecureXml.reader(in);
        Deque<String> path = new ArrayDeque<>();
        String headerName = null;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    boolean qcvn = EdxmlConstants.QCVN_NS.equals(r.getNamespaceURI());
                    if (path.isEmpty() && !(qcvn && "edXML".equals(local))) {
                        throw new SigningException("not an EDXML package: root element is " + local);
                    }
                    if ("Signature".equals(local) && ("edXMLHeader".equals(path.peek())
                            || EdxmlConstants.XMLDSIG_NS.equals(r.getNamespaceURI()))) {
                        throw new SigningException("the package already carries a Signature; sign only "
                                + "unsigned packages (remove a vendor placeholder first)");
                    }
                    if (qcvn && "edXMLHeader".equals(local)) {
                        if (headerName != null) {
                            throw new SigningException("more than one edXMLHeader");
                        }
                        headerName = r.getPrefix() == null || r.getPrefix().isEmpty()
                                ? local : r.getPrefix() + ":" + local;
                    }
                    path.push(local);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
                EventDispatch.dispatch(event, r, c14n);
            }
            c14n.flush();
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        } finally {
            closeQuietly(r);
        }
        if (headerName == null) {
            throw new SigningException("no edXMLHeader: the signature has no place to go");
        }
        return new HeaderDigest(digestOut.result(), headerName);
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm.digestJcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over an exhausted stream cannot lose data
        }
    }

    /** Copies everything read to a second stream (the spool file). */
    private static final class TeeInputStream extends FilterInputStream {
        private final OutputStream copy;

        TeeInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip would break the copy");
        }
    }
}
