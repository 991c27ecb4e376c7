package vn.lienthong.docsig.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.docsig.DocumentFormat;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.SignatureReport;

/**
 * Formats whose signatures are detected but not verified yet: signed OOXML, CMS/PKCS#7 files (.p7s, .p7m), XML
 * with an XML signature, OpenDocument. Each signature found is reported SIGNED_NOT_VERIFIED with the reason.
 */
public final class OtherFormats {

    private static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private OtherFormats() {
    }

    public static DocumentReport examine(Path file, String name, DocumentFormat format) throws IOException {
        return switch (format) {
            case OOXML -> new DocumentReport(name, format, zipSignatures(file, "_xmlsignatures/",
                    "OOXML signature: verification of signed Office documents not implemented yet"), null);
            case CMS -> new DocumentReport(name, format, List.of(SignatureReport.notVerified("CMS SignedData",
                    "PKCS#7/CMS", "CMS/PKCS#7 file (.p7s/.p7m): its signed content is a separate file or "
                            + "enveloped; not verified yet")), null);
            case XML -> xml(file, name);
            case OTHER -> new DocumentReport(name, format, zipSignatures(file, "META-INF/documentsignatures.xml",
                    "OpenDocument signature: not verified yet"), null);
            case PDF -> throw new IllegalArgumentException("PDF is verified, not only detected");
        };
    }

    private static List<SignatureReport> zipSignatures(Path file, String prefix, String reason) {
        List<SignatureReport> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith(prefix) && e.getName().endsWith(".xml")
                        && !e.getName().endsWith("origin.sigs")) {
                    out.add(SignatureReport.notVerified(e.getName(), "XMLDSig in zip", reason));
                }
            }
        } catch (IOException e) {
            // not a zip (OTHER formats): carries no signature we know of
        }
        return out;
    }

    private static DocumentReport xml(Path file, String name) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // Hostile input: no DTDs, no external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // this StAX implementation has no such property; DTDs are off anyway
        }
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "Signature".equals(r.getLocalName())
                            && XMLDSIG_NS.equals(r.getNamespaceURI())) {
                        count++;
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            if (count == 0) {
                // Markup that is not well-formed XML (Word's HTML ".doc", a DOCTYPE we refuse to process): a
                // document without a signature we could find, not an error.
                return new DocumentReport(name, DocumentFormat.OTHER, List.of(), null);
            }
        }
        List<SignatureReport> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(SignatureReport.notVerified("ds:Signature #" + (i + 1), "XMLDSig",
                    "XML signature inside an XML document: not verified yet"));
        }
        return new DocumentReport(name, DocumentFormat.XML, out, null);
    }
}
