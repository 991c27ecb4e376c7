package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/** Answers are MTOM only for MTOM requests, faults never (docs/large-attachments.md, "Large files in WS answers"). */
class MtomAnswersTest {

    private static final String MTOM = "multipart/related; type=\"application/xop+xml\"; "
            + "boundary=\"uuid:1\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"text/xml\"";

    @Test
    void onlyAnXopPackageCountsAsAnMtomRequest() {
        assertTrue(MtomAnswers.requestWasMtom(request(MTOM)));
        assertTrue(MtomAnswers.requestWasMtom(request(MTOM.toUpperCase())));
        assertFalse(MtomAnswers.requestWasMtom(request("text/xml; charset=UTF-8")));
        assertFalse(MtomAnswers.requestWasMtom(request("multipart/related; type=\"text/xml\"; boundary=x")),
                "SwA is not MTOM");
        assertFalse(MtomAnswers.requestWasMtom(request(null)));
        assertFalse(MtomAnswers.requestWasMtom(null));
        assertFalse(MtomAnswers.current(), "outside a CXF invocation");
    }

    @Test
    void anAnswerStaysInlineUnlessTheRequestWasMtomAndAFaultAlways() {
        assertNull(answerTo(MTOM, InlineResponses.unlessRequestedAsMtom()).get(Message.MTOM_ENABLED),
                "left to the endpoint (MTOM on)");
        assertEquals(Boolean.FALSE, answerTo("text/xml", InlineResponses.unlessRequestedAsMtom())
                .get(Message.MTOM_ENABLED));
        assertEquals(Boolean.FALSE, answerTo(MTOM, InlineResponses.always()).get(Message.MTOM_ENABLED));
    }

    private static Message answerTo(String requestType, InlineResponses interceptor) {
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(request(requestType));
        Message out = new MessageImpl();
        out.setExchange(exchange);
        interceptor.handleMessage(out);
        return out;
    }

    private static Message request(String contentType) {
        Message in = new MessageImpl();
        if (contentType != null) {
            in.put(Message.CONTENT_TYPE, contentType);
        }
        return in;
    }
}
