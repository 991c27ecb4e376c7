package vn.lienthong.adapter.reception.control;

/**
 * Fired by {@link ReceiveLoop} at the start of every polling round, before the axis is asked for documents.
 * Work that must ride the same schedule (sending queued recalls) observes it, so reception need not know who
 * does that work. Observers run synchronously; an {@code AxisException} they throw ends the round like one
 * thrown by the poll itself.
 */
public record ReceiveRound() {
}
