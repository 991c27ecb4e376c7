package vn.lienthong.axis.client;

/**
 * One pending incoming item of {@code getReceivedEdocList}. All values are passed through as the axis sends them
 * (strings; the meaning of {@code status}/{@code statusDesc} is undocumented).
 *
 * @param docId the axis transport id of this delivery, used for getEdoc and updateStatus
 */
public record ReceivedItem(String docId, String serviceType, String messageType, String from, String to,
                           String status, String statusDesc, String createdTime, String updatedTime) {
}
