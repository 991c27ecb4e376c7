package vn.lienthong.adapter.soap;

import java.util.Locale;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Whether the answer to the request being served will carry files as MTOM/XOP parts: exactly when the request came
 * as MTOM (its content type {@code multipart/related} of type {@code application/xop+xml}), see
 * {@link InlineResponses}. Operations use it to decide whether a file too large for an inline (DOM) envelope can
 * still be answered (docs/large-attachments.md, "Large files in WS answers").
 */
public final class MtomAnswers {

    private MtomAnswers() {
    }

    /** For the request the current thread serves (false outside a CXF invocation). */
    public static boolean current() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        return m != null && requestWasMtom(m.getExchange() == null ? m : m.getExchange().getInMessage());
    }

    static boolean requestWasMtom(Message in) {
        if (in == null) {
            return false;
        }
        Object type = in.get(Message.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String t = type.toString().toLowerCase(Locale.ROOT);
        return t.startsWith("multipart/related") && t.contains("application/xop+xml");
    }
}
