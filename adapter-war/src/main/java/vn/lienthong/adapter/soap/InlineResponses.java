package vn.lienthong.adapter.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps answers free of MTOM on endpoints that accept MTOM requests: the response signature is computed over the
 * inline (base64) content, which an XOP-optimised answer would no longer carry.
 */
final class InlineResponses extends AbstractPhaseInterceptor<Message> {

    InlineResponses() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        message.put(Message.MTOM_ENABLED, Boolean.FALSE);
    }
}
