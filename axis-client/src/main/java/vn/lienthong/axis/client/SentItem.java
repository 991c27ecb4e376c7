package vn.lienthong.axis.client;

/** One row of {@code getSentEdocList}: apparently one row per recipient, with the receiver's own axis id. */
public record SentItem(String serviceType, String messageType, String senderDocId, String receiverDocId,
                       String fromCode, String toCode, String title, String notation, String sentTime,
                       String receivedTime, String sendStatus, String sendStatusDesc, String receiveStatus,
                       String receiveStatusDesc) {
}
