package vn.lienthong.edxml.read;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.attach.AttachmentLimitException;
import vn.lienthong.edxml.attach.Base64StreamDecoder;
import vn.lienthong.edxml.attach.InvalidBase64Exception;

/**
 * One streaming pass over a package: builds the {@link XmlNode} tree of everything except attachment content and
 * decodes each {@code ContentTransferEncoded} value straight into its own temporary file.
 */
final class PackageTreeBuilder {

    /** A decoded payload on disk, or the reason it could not be decoded. */
    static final class Payload {
        final Path file;
        long bytes;
        String error;

        Payload(Path file) {
            this.file = file;
        }
    }

    private final ReaderLimits limits;
    private final Path workDir;
    final List<Payload> payloads = new ArrayList<>();
    XmlNode root;
    int signatureCount;

    PackageTreeBuilder(ReaderLimits limits, Path workDir) {
        this.limits = limits;
        this.workDir = workDir;
    }

    void build(InputStream in) throws IOException {
        XMLStreamReader r = SecureXml.reader(in);
        XmlNode current = null;
        Base64StreamDecoder decoder = null;
        OutputStream payloadOut = null;
        Payload payload = null;
        long metadataChars = 0;
        long totalChars = 0;
        int elements = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > limits.maxElements()) {
                            throw new AttachmentLimitException("more than " + limits.maxElements() + " elements");
                        }
                        XmlNode node = new XmlNode(r.getLocalName(), r.getNamespaceURI(),
                                r.getLocation().getLineNumber(), r.getLocation().getColumnNumber(), current);
                        if (current == null) {
                            root = node;
                        } else {
                            current.children.add(node);
                        }
                        current = node;
                        if ("ContentTransferEncoded".equals(node.localName)) {
                            if (payloads.size() >= limits.maxAttachments()) {
                                throw new AttachmentLimitException("more than " + limits.maxAttachments()
                                        + " attachments");
                            }
                            payload = new Payload(Files.createTempFile(workDir, "payload-", ".bin"));
                            node.payloadIndex = payloads.size();
                            payloads.add(payload);
                            payloadOut = new BufferedOutputStream(Files.newOutputStream(payload.file), 64 * 1024);
                            decoder = new Base64StreamDecoder(payloadOut, limits.maxAttachmentBytes());
                        }
                        if ("Signature".equals(node.localName)
                                && EdxmlConstants.XMLDSIG_NS.equals(node.namespace)) {
                            signatureCount++;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (decoder != null) {
                            finishPayload(decoder, payloadOut, payload);
                            decoder = null;
                            payloadOut = null;
                            payload = null;
                        }
                        current = current.parent;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        int len = r.getTextLength();
                        totalChars += len;
                        if (totalChars > limits.maxPackageChars()) {
                            throw new AttachmentLimitException("package larger than " + limits.maxPackageChars()
                                    + " characters");
                        }
                        if (decoder != null) {
                            if (payload.error == null) {
                                try {
                                    decoder.write(r.getTextCharacters(), r.getTextStart(), len);
                                } catch (InvalidBase64Exception e) {
                                    payload.error = e.getMessage();
                                }
                            }
                        } else if (current != null) {
                            metadataChars += len;
                            if (metadataChars > limits.maxMetadataChars()) {
                                throw new AttachmentLimitException("package metadata larger than "
                                        + limits.maxMetadataChars() + " characters");
                            }
                            current.text.append(r.getTextCharacters(), r.getTextStart(), len);
                        }
                    }
                    case XMLStreamConstants.DTD -> throw new EdxmlParseException(
                            "document type declarations are not allowed in EDXML packages",
                            r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                    default -> {
                        // comments and processing instructions carry no package data
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        } finally {
            if (payloadOut != null) {
                payloadOut.close();
            }
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the caller owns the stream
            }
        }
    }

    private static void finishPayload(Base64StreamDecoder decoder, OutputStream out, Payload payload)
            throws IOException {
        try {
            if (payload.error == null) {
                decoder.finish();
            }
        } catch (InvalidBase64Exception e) {
            payload.error = e.getMessage();
        } finally {
            out.close();
        }
        payload.bytes = decoder.decodedBytes();
    }
}
