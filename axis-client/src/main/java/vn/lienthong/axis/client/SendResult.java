package vn.lienthong.axis.client;

/** Answer of {@code sendEdoc}: the axis transport id of this submission (not the EDXML DocumentId). */
public record SendResult(String docId) {
}
