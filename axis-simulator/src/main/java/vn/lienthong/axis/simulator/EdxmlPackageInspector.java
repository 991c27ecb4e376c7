package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * TEMPORARY stand-in until {@code vn.lienthong.edxml.read.EdxmlHeaderScanner} exists: reads the routing facts from
 * the header with StAX (local names, any order) and stops at the end of {@code edXMLHeader}.
 */
final class EdxmlPackageInspector implements PackageInspector {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    static PackageInspector create() {
        return new EdxmlPackageInspector();
    }

    @Override
    public PackageFacts inspect(InputStream in) throws IOException {
        String from = null, documentId = null, subject = null, statusCode = null, rfOrgan = null, rfDoc = null;
        List<String> to = new ArrayList<>();
        int businessType = 0;
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.push(r.getLocalName());
                    String p = String.join("/", (Iterable<String>) path::descendingIterator);
                    String leaf = r.getLocalName();
                    if (p.endsWith("MessageHeader/From/OrganId")) {
                        from = r.getElementText().strip();
                        path.pop();
                    } else if (p.endsWith("MessageHeader/To/OrganId")) {
                        to.add(r.getElementText().strip());
                        path.pop();
                    } else if (p.endsWith("MessageHeader/DocumentId") || p.endsWith("MessageHeader/Subject")
                            || p.endsWith("MessageHeader/StatusCode") || p.endsWith("ResponseFor/OrganId")
                            || p.endsWith("ResponseFor/DocumentId") || p.endsWith("Bussiness/BussinessDocType")) {
                        String text = r.getElementText().strip();
                        path.pop();
                        switch (leaf) {
                            case "DocumentId" -> {
                                if (p.contains("ResponseFor")) {
                                    rfDoc = rfDoc == null ? text : rfDoc;
                                } else {
                                    documentId = text;
                                }
                            }
                            case "Subject" -> subject = text;
                            case "StatusCode" -> statusCode = text.length() == 1 ? "0" + text : text;
                            case "OrganId" -> rfOrgan = rfOrgan == null ? text : rfOrgan;
                            default -> businessType = text.isEmpty() ? 0 : Integer.parseInt(text);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if ("edXMLHeader".equals(name)) {
                        break;
                    }
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (from == null) {
            throw new IOException("no MessageHeader/From/OrganId");
        }
        return new PackageFacts(statusCode != null, from, to, documentId, businessType, statusCode,
                emptyToNull(rfOrgan), emptyToNull(rfDoc), subject);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
