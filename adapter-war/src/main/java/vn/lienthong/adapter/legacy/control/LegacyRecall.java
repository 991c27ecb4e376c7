package vn.lienthong.adapter.legacy.control;

import java.util.List;

/**
 * A recall asked for through the old protocol: SendDocument with business type 1, or UpdateTraces with status 13
 * (take-back). {@code targetCandidates} are the ways the request may name the original, most specific first
 * (QCVN 102 §5.1: the block's DocumentId, then MessageHeader/DocumentId; for old clients that send an internal id,
 * also the de-facto id built from sender, date and number). {@code scope} says which legacy elements refusals
 * name ({@code error-paths.properties}).
 */
public record LegacyRecall(String scope, String fromOrganId, List<String> targetCandidates, String reason) {

    public static final String BY_SEND_DOCUMENT = "recall";
    public static final String BY_TAKE_BACK = "takeBack";

    public LegacyRecall {
        targetCandidates = targetCandidates.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
    }

    /** What the recall names first; refusals of an unknown document quote it. */
    public String namedTarget() {
        return targetCandidates.isEmpty() ? null : targetCandidates.get(0);
    }
}
