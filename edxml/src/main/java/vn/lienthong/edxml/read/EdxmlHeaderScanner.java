package vn.lienthong.edxml.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.model.StatusCode;

/**
 * Reads just enough of a package to route it: From, To, DocumentId, business type, status code, ResponseFor,
 * Subject, Priority, Code (number and notation). Stops at the end of {@code edXMLHeader}, so attachments are never read, and refuses headers
 * beyond {@value #MAX_HEADER_CHARS} characters. Well-formedness is checked only as far as the header: a broken
 * body is found by the full reader. Matching is by local name and prefix-agnostic, as the reference
 * parser does; Bussiness/Business spellings are both accepted.
 */
public final class EdxmlHeaderScanner {

    static final int MAX_HEADER_CHARS = 4 * 1024 * 1024;
    private static final int MAX_VALUE_CHARS = 64 * 1024;

    private EdxmlHeaderScanner() {
    }

    public static PackageHeader scan(InputStream in) throws EdxmlParseException {
        XMLStreamReader r = SecureXml.reader(in);
        try {
            return new Scan(r).run();
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the caller owns the stream
            }
        }
    }

    private static final class Scan {
        private final XMLStreamReader r;
        private final Deque<String> path = new ArrayDeque<>();
        private StringBuilder text;
        private long chars;
        private boolean statusCodeSeen;
        private String from;
        private final List<String> to = new ArrayList<>();
        private String documentId;
        private Integer businessType;
        private String statusCode;
        private String responseForOrganId;
        private String responseForDocumentId;
        private String subject;
        private Integer priority;
        private String codeNumber;
        private String codeNotation;

        Scan(XMLStreamReader r) {
            this.r = r;
        }

        PackageHeader run() throws XMLStreamException, EdxmlParseException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (path.isEmpty() && !("edXML".equals(r.getLocalName())
                            && EdxmlConstants.QCVN_NS.equals(r.getNamespaceURI()))) {
                        throw error("not an EDXML package: root element is " + r.getLocalName());
                    }
                    if (path.size() == 2 && !"edXMLHeader".equals(r.getLocalName())) {
                        break; // body or attachments: the header is over
                    }
                    path.push(r.getLocalName());
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars += r.getTextLength();
                    if (chars > MAX_HEADER_CHARS) {
                        throw error("package header exceeds " + MAX_HEADER_CHARS + " characters");
                    }
                    if (text != null && text.length() < MAX_VALUE_CHARS) {
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = path.pop();
                    if (text != null) {
                        store(local, text.toString().strip());
                    }
                    text = null;
                    if ("edXMLHeader".equals(local)) {
                        break;
                    }
                } else if (event == XMLStreamConstants.DTD) {
                    throw error("document type declarations are not allowed in EDXML packages");
                }
            }
            if (from == null && to.isEmpty() && documentId == null && statusCode == null) {
                throw error("no MessageHeader found: not an EDXML package");
            }
            return new PackageHeader(statusCodeSeen ? PackageKind.STATUS : PackageKind.DOCUMENT, from, to,
                    documentId, businessType, statusCode, responseForOrganId, responseForDocumentId, subject,
                    priority, codeNumber, codeNotation);
        }

        /** Called at the end tag of a leaf; {@code path} now holds its ancestors. */
        private void store(String local, String value) {
            String parent = path.peek();
            if (value.isEmpty() || parent == null) {
                return;
            }
            boolean underMessageHeader = path.contains("MessageHeader");
            switch (local) {
                case "OrganId" -> {
                    if ("From".equals(parent) && underMessageHeader && from == null) {
                        from = value;
                    } else if ("To".equals(parent) && underMessageHeader) {
                        to.add(value);
                    } else if ("ResponseFor".equals(parent) && responseForOrganId == null) {
                        responseForOrganId = value;
                    }
                }
                case "DocumentId" -> {
                    if ("MessageHeader".equals(parent)) {
                        documentId = value;
                    } else if ("ResponseFor".equals(parent) && responseForDocumentId == null) {
                        responseForDocumentId = value;
                    }
                }
                case "BussinessDocType", "BusinessDocType" -> businessType = integer(value);
                case "StatusCode" -> {
                    if ("MessageHeader".equals(parent)) {
                        statusCodeSeen = true;
                        statusCode = StatusCode.normalise(value);
                    }
                }
                case "Subject" -> {
                    if ("MessageHeader".equals(parent)) {
                        subject = value;
                    }
                }
                case "CodeNumber" -> {
                    if ("Code".equals(parent) && underMessageHeader) {
                        codeNumber = value;
                    }
                }
                case "CodeNotation" -> {
                    if ("Code".equals(parent) && underMessageHeader) {
                        codeNotation = value;
                    }
                }
                case "Priority" -> {
                    if ("OtherInfo".equals(parent)) {
                        priority = integer(value);
                    }
                }
                default -> {
                    // not a routing fact
                }
            }
        }

        private static Integer integer(String value) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private EdxmlParseException error(String message) {
            return new EdxmlParseException(message, r.getLocation().getLineNumber(),
                    r.getLocation().getColumnNumber());
        }
    }
}
