package vn.lienthong.edxml.sign;

import java.io.IOException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.read.EdxmlParseException;

/** Forwards one StAX event to a sink; comments are dropped (signatures are computed without comments). */
final class EventDispatch {

    private EventDispatch() {
    }

    static void dispatch(int event, XMLStreamReader r, XmlEventSink sink) throws IOException {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> sink.startElement(ElementStart.from(r));
            case XMLStreamConstants.END_ELEMENT -> sink.endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    sink.text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> sink.processingInstruction(r.getPITarget(),
                    r.getPIData());
            case XMLStreamConstants.DTD -> throw dtdRefused(r);
            default -> {
                // comments, document start/end: not part of the canonical form
            }
        }
    }

    static EdxmlParseException dtdRefused(XMLStreamReader r) {
        return new EdxmlParseException("document type declarations are not allowed in EDXML packages",
                r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
    }
}
