package vn.lienthong.adapter.statistics.entity;

import java.util.Map;

/**
 * The figures of one direction (sent or received) in one row. {@code documents}: new documents (business type
 * 0); {@code recalls}, {@code updates}, {@code replacements}: packages of business type 1, 2, 3; the maps split the
 * new documents by document type ({@code DocumentType/Type}, -1 when absent) and urgency (priority 0–4).
 * {@code failed}: packages with at least one failed transport attempt (sent) or packages refused on arrival
 * (received, only in rows not split by organisation: such a package names none of ours); {@code dead}: packages
 * given up ({@code DEAD}, sent only); {@code cancelledBeforeSending}: recalled before they left (sent only).
 */
public record DirectionFigures(long documents, long recalls, long updates, long replacements,
        Map<Integer, Long> byDocumentType, Map<Integer, Long> byUrgency, long failed, long dead,
        long cancelledBeforeSending, Feedback feedback) {

    public static final DirectionFigures EMPTY = new DirectionFigures(0, 0, 0, 0, Map.of(), Map.of(), 0, 0, 0,
            Feedback.EMPTY);
}
