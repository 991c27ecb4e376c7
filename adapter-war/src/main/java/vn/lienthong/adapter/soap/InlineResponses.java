package vn.lienthong.adapter.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Decides whether an answer of an endpoint that accepts MTOM may itself be MTOM: faults never (one plain SOAP part),
 * other answers only when the request came as MTOM/XOP ({@link MtomAnswers}) — a client that sent MTOM reads it,
 * and one that did not gets the inline (base64) form it always got. An MTOM answer's signature covers its Body with
 * the {@code xop:Include} references and each part's sha256, XOP not expanded
 * ({@link WsSecurityProfile#responseSigner()}), so the parts are streamed from disk, never held in memory.
 */
final class InlineResponses extends AbstractPhaseInterceptor<Message> {

    private final boolean evenForMtomRequests;

    private InlineResponses(boolean evenForMtomRequests) {
        super(Phase.SETUP);
        this.evenForMtomRequests = evenForMtomRequests;
    }

    /** For answers: inline unless the request was MTOM. */
    static InlineResponses unlessRequestedAsMtom() {
        return new InlineResponses(false);
    }

    /** For faults: always inline. */
    static InlineResponses always() {
        return new InlineResponses(true);
    }

    @Override
    public void handleMessage(Message message) {
        if (evenForMtomRequests || !MtomAnswers.requestWasMtom(message.getExchange().getInMessage())) {
            message.put(Message.MTOM_ENABLED, Boolean.FALSE);
        }
    }
}
