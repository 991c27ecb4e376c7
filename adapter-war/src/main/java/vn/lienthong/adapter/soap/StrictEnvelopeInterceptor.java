package vn.lienthong.adapter.soap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Puts a {@link StrictEnvelopeReader} between the parser and CXF, before CXF reads the envelope's headers. */
final class StrictEnvelopeInterceptor extends AbstractPhaseInterceptor<Message> {

    StrictEnvelopeInterceptor() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null || reader instanceof StrictEnvelopeReader) {
            return; // GET (?wsdl), or already in place
        }
        try {
            message.setContent(XMLStreamReader.class, new StrictEnvelopeReader(reader));
        } catch (XMLStreamException e) {
            throw new Fault(e);
        }
    }
}
