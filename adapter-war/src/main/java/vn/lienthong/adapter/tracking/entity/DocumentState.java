package vn.lienthong.adapter.tracking.entity;

/** Where an outgoing document stands in the adapter (transport view; business statuses live per recipient). */
public enum DocumentState {
    /** Durably stored, waiting for the outbox. */
    QUEUED,
    /** Accepted by the axis; the axis transport id is known. */
    SENT,
    /** Retries exhausted or the axis refused it; an operator may re-queue it. */
    DEAD,
    /** Incoming: received from the axis and stored; its recipients' clients pick it up from their inbox. */
    RECEIVED,
    /** Recalled before it left the adapter: it was never sent and never will be. */
    RECALLED
}
