package vn.lienthong.edxml.sign;

import java.io.IOException;

/** Receiver of the parse events that matter to canonical XML (comments are never passed on). */
interface XmlEventSink {

    void startElement(ElementStart element) throws IOException;

    void endElement() throws IOException;

    void text(char[] chars, int offset, int length) throws IOException;

    void processingInstruction(String target, String data) throws IOException;
}
