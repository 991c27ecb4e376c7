package vn.lienthong.edxml.model;

/** An update's recipient change: {@code receiverType} 0 = removed, 1 = added (spec §5.2). */
public record Receiver(String organId, Integer receiverType) {
}
