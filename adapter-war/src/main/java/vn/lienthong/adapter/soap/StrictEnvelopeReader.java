package vn.lienthong.adapter.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads a request's envelope while checking, as CXF reads it, that it is exactly {@code Envelope/(Header?)/Body}
 * and that no SOAP {@code Envelope}, {@code Header} or {@code Body} element appears deeper. CXF takes the first
 * {@code soap:Body} start tag it meets as the Body — even inside a header — and never reads what follows, so a
 * signed Body moved into a header wrapper (signature wrapping) would be acted on while the DOM that WSS4J and the
 * coverage check see looks well formed. The check must therefore be made on the stream itself.
 */
final class StrictEnvelopeReader extends StreamReaderDelegate {

    /** The envelope is not Envelope/(Header?)/Body; {@link WsRefusals} answers it as {@code AUTH.SIGNATURE}. */
    static final class Violation extends XMLStreamException {

        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a refusal, not a failure
        }
    }

    private int depth;
    private String soapNs;
    private boolean header;
    private boolean body;

    StrictEnvelopeReader(XMLStreamReader reader) throws XMLStreamException {
        super(reader);
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            depth = 1;
            started();
        }
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
            started();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    /** Through {@link #next()}, so that no start tag escapes the check. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            // A DTD is named as such: WsRefusals answers it as M.Envelope.DOCTYPE, like the parser's own refusal.
            throw new XMLStreamException("expected a start or end tag, received "
                    + (event == XMLStreamConstants.DTD ? "a DTD" : "event " + event), getLocation());
        }
        return event;
    }

    private void started() throws Violation {
        String ns = getNamespaceURI();
        String name = getLocalName();
        if (depth == 1) {
            soapNs = ns; // CXF itself checks the Envelope's name and SOAP version
            return;
        }
        boolean soap = soapNs != null && soapNs.equals(ns);
        if (depth == 2) {
            if (soap && "Header".equals(name) && !header && !body) {
                header = true;
            } else if (soap && "Body".equals(name) && !body) {
                body = true;
            } else {
                throw new Violation("the Envelope's children are not (Header?, Body): " + name + " after "
                        + (body ? "the Body" : header ? "the Header" : "the start"));
            }
        } else if (soap && ("Envelope".equals(name) || "Header".equals(name) || "Body".equals(name))) {
            throw new Violation("a soap:" + name + " at depth " + depth + " inside the envelope");
        }
    }
}
