package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.security.entity.CallerIdentity;

class MalformedRequestsTest {

    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");
    private static final QName SERVER = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server");

    @Test
    void whatCxfRefusesBeforeTheEndpointGetsAStableCode() {
        assertEquals(Optional.of("M.Envelope"), code(new SoapFault("Error reading XMLStreamReader: Unexpected"
                + " character '{' (code 123) in prolog", new XMLStreamException("Unexpected character"), CLIENT)));
        assertEquals(Optional.of("M.Envelope"), code(new SoapFault("Problems creating SAAJ object model", CLIENT)));
        assertEquals(Optional.of("M.Envelope.VERSION"), code(new SoapFault("A SOAP 1.2 message is not valid when"
                + " sent to a SOAP 1.1 only endpoint.", CLIENT)));
        assertEquals(Optional.of("M.Envelope"), code(new SoapFault("\"urn:not-soap\", the namespace on the"
                + " \"Envelope\" element, is not a valid SOAP version.", CLIENT)));
        assertEquals(Optional.of("M.Operation"), code(new Fault(new IllegalStateException("Message part {urn:x}Delete"
                + " was not recognized.  (Does it exist in service WSDL?)"))));
        assertEquals(Optional.of("M.Operation"), code(new Fault(new IllegalStateException("Unexpected element"
                + " {urn:666}GetDocumentStatus found.   Expected {urn:1}GetDocumentStatus."))));
        assertEquals(Optional.of("M.Body"), code(new Fault(new jakarta.xml.bind.UnmarshalException("unexpected"
                + " content"))));
        assertEquals(Optional.of("M.Envelope"), code(new SoapFault("CXF's own client fault", Fault.FAULT_CODE_CLIENT)));
        assertEquals(Optional.of("M.Envelope"), code(new SoapFault("anything else the client got wrong", CLIENT)));
    }

    @Test
    void theEndpointsOwnFaultsAndServerFailuresAreLeftAlone() {
        Message reached = post();
        reached.put(CallerIdentity.CONTEXT_KEY, new CallerIdentity("u", null, null));
        assertEquals(Optional.empty(), MalformedRequests.code(new SoapFault("Problems creating SAAJ object model",
                CLIENT), reached));
        assertEquals(Optional.empty(), code(new SoapFault("database down", SERVER)));
        SoapFault coded = WsRefusals.fault(WsRefusals.of("AUTH.HEADER"));
        assertEquals(Optional.empty(), code(coded), "a fault that already carries its code is left as it is");
        assertEquals(Optional.of("AUTH.HEADER"), MalformedRequests.carriedCode(new Fault(coded)));
    }

    @Test
    void anyMethodButPostIsRefusedWith405() {
        Message put = new MessageImpl();
        put.put(Message.HTTP_REQUEST_METHOD, "PUT");
        assertTrue(MalformedRequests.wrongMethod(put));
        assertTrue(!MalformedRequests.wrongMethod(post()));
        WsRefusals.Refusal r = WsRefusals.classify(new Fault(new IllegalStateException("HTTP verb was not GET or"
                + " POST")), put).orElseThrow();
        assertEquals("SYS.METHOD_NOT_ALLOWED", r.code());
        assertEquals(405, WsRefusals.fault(r).getStatusCode());
    }

    private static Optional<String> code(Throwable fault) {
        return MalformedRequests.code(fault, post());
    }

    private static Message post() {
        Message m = new MessageImpl();
        m.put(Message.HTTP_REQUEST_METHOD, "POST");
        return m;
    }
}
