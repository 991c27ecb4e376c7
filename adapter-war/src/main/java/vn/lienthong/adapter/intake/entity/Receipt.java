package vn.lienthong.adapter.intake.entity;

/** What a client gets back for an accepted submission (the same answer again for a repeated one). */
public record Receipt(String documentId, String state, String acceptedAt) {
}
