package vn.lienthong.adapter.legacy.control;

import vn.lienthong.adapter.recall.control.RecallService;

/** How a legacy recall ended, and the original document's numeric id (what SendDocument answered for it). */
public record LegacyRecallOutcome(RecallService.Outcome outcome, String documentId, long number) {
}
