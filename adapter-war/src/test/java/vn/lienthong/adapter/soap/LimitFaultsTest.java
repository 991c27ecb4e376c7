package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LimitFaultsTest {

    private static final String NS = "urn:lienthong:exchange:1";

    @Test
    void aParserLimitBecomesLimitXmlStructureWithTheSetting() {
        Fault fault = handled(new Fault(new XMLStreamException(
                "Maximum Element Count limit (50000) Exceeded\n at [row,col {unknown-source}]: [1,999]")));
        assertEquals("LIMIT.XML_STRUCTURE", detail(fault, "code"));
        assertEquals("adapter.limits.xml-elements", detail(fault, "field"));
        assertEquals("The request's XML is over a parser limit: Maximum Element Count limit (50000) Exceeded",
                detail(fault, "message"));
        assertEquals("Client", fault.getFaultCode().getLocalPart());
    }

    @Test
    void mtomPartsOverTheLimitsBecomeLimitAttachment() {
        Fault size = handled(new Fault(new CacheSizeExceededException()));
        assertEquals("LIMIT.ATTACHMENT", detail(size, "code"));
        assertEquals("adapter.limits.attachment-bytes", detail(size, "field"));
        Fault count = handled(new Fault(new IOException("The message contains more attachments than are permitted")));
        assertEquals("adapter.limits.attachments", detail(count, "field"));
    }

    @Test
    void otherFaultsAreLeftAlone() {
        Fault fault = handled(new Fault(new XMLStreamException("Unexpected character 'n' in prolog")));
        assertNull(fault.getDetail());
        assertEquals("Unexpected character 'n' in prolog", fault.getMessage());
    }

    private static Fault handled(Fault fault) {
        Message m = new MessageImpl();
        m.setContent(Exception.class, fault);
        new LimitFaults().handleMessage(m);
        return fault;
    }

    private static String detail(Fault fault, String name) {
        Element detail = fault.getDetail();
        return detail == null ? null : detail.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }
}
