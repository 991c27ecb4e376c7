package vn.lienthong.adapter.delivery.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import vn.lienthong.axis.client.SentItem;

/**
 * Decides whether a package whose send had no recorded outcome (the node died during the HTTP call, or the
 * call timed out) already reached the axis. The axis answers {@code getSentEdocList} without the EDXML
 * DocumentId, so a submission matches when sender and subject are equal and its axis id is not yet recorded for
 * any other document. Only documents in doubt are matched this way; two documents in doubt at once with the same
 * sender and subject could be confused (then one of them is sent again, never lost).
 */
public final class SendReconciler {

    private SendReconciler() {
    }

    /**
     * @param alreadyRecorded tells whether an axis id is already the recorded id of some document
     * @return the axis id of the earlier submission of this package, if the axis has one
     */
    public static Optional<String> earlierSubmission(List<SentItem> sent, String messageType, String from,
            String subject, Predicate<String> alreadyRecorded) {
        Set<String> candidates = new LinkedHashSet<>();
        for (SentItem item : sent) {
            if (item.senderDocId() != null && messageType.equalsIgnoreCase(nullToEmpty(item.messageType()))
                    && from.equals(item.fromCode()) && nullToEmpty(subject).equals(nullToEmpty(item.title()))) {
                candidates.add(item.senderDocId());
            }
        }
        return candidates.stream().filter(alreadyRecorded.negate()).findFirst();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
