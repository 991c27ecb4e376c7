package vn.lienthong.axis.simulator;

import java.time.Instant;

/**
 * One package as received by the axis (one sendEdoc), stored once whatever the number of recipients.
 *
 * @param id           axis id returned to the sender ({@code DocId})
 * @param senderSystem system id of the caller, or {@link Deliveries#COUNTERPART} / {@link Deliveries#INJECTED}
 */
record Submission(String id, String senderSystem, String fromOrganId, String messageType, PackageFacts facts,
                  long size, Instant created) {
}
