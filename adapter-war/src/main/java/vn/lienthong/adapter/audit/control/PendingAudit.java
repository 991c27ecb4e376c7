package vn.lienthong.adapter.audit.control;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

/** Tells the chainer that entries were written since it last looked (so an idle chainer does not query at all). */
@ApplicationScoped
public class PendingAudit {

    private final AtomicBoolean written = new AtomicBoolean();

    public void written() {
        written.set(true);
    }

    /** True (once) when entries were written since the last call. */
    boolean take() {
        return written.getAndSet(false);
    }
}
