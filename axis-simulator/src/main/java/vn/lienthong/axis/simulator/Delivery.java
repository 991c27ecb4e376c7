package vn.lienthong.axis.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One copy of a submission for one recipient system (or one counterpart organisation), with its transport state
 * {@code initial → processing → done | fail}. Mutable; guarded by the owning {@link Deliveries}.
 */
final class Delivery {

    final String id;
    final String submissionId;
    final String recipientSystem;
    final List<String> recipientOrganIds;
    final String messageType;
    final String fromOrganId;
    final Instant created;
    String state;
    Instant updated;

    Delivery(String id, String submissionId, String recipientSystem, List<String> recipientOrganIds,
             String messageType, String fromOrganId, Instant created, String state, Instant updated) {
        this.id = id;
        this.submissionId = submissionId;
        this.recipientSystem = recipientSystem;
        this.recipientOrganIds = List.copyOf(recipientOrganIds);
        this.messageType = messageType;
        this.fromOrganId = fromOrganId;
        this.created = created;
        this.state = state;
        this.updated = updated;
    }

    String toCodes() {
        return String.join(",", recipientOrganIds);
    }
}
