package vn.lienthong.adapter.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.axis.client.SentItem;

class SendReconcilerTest {

    private static SentItem row(String axisId, String type, String from, String title) {
        return new SentItem("eDoc", type, axisId, "r-" + axisId, from, "[\"000.00.00.H41\"]", title, "", "", "",
                "done", "", "", "");
    }

    @Test
    void findsTheEarlierSubmissionBySenderAndSubject() {
        List<SentItem> sent = List.of(row("a1", "edoc", "000.00.00.G22", "Công văn 1"),
                row("a2", "edoc", "000.00.00.G22", "Công văn 2"),
                row("a2", "edoc", "000.00.00.G22", "Công văn 2")); // one row per recipient
        assertEquals(Optional.of("a2"),
                SendReconciler.earlierSubmission(sent, "edoc", "000.00.00.G22", "Công văn 2", id -> false));
    }

    @Test
    void ignoresSubmissionsAlreadyRecordedForAnotherDocument() {
        List<SentItem> sent = List.of(row("a1", "edoc", "000.00.00.G22", "Báo cáo tuần"),
                row("a2", "edoc", "000.00.00.G22", "Báo cáo tuần"));
        assertEquals(Optional.of("a2"), SendReconciler.earlierSubmission(sent, "edoc", "000.00.00.G22",
                "Báo cáo tuần", Set.of("a1")::contains));
        assertEquals(Optional.empty(), SendReconciler.earlierSubmission(sent, "edoc", "000.00.00.G22",
                "Báo cáo tuần", Set.of("a1", "a2")::contains));
    }

    @Test
    void otherSendersKindsAndSubjectsDoNotMatch() {
        List<SentItem> sent = List.of(row("a1", "edoc", "000.00.00.H41", "X"), row("a2", "status", "000.00.00.G22", "X"),
                row("a3", "edoc", "000.00.00.G22", "Y"));
        assertEquals(Optional.empty(),
                SendReconciler.earlierSubmission(sent, "edoc", "000.00.00.G22", "X", id -> false));
    }
}
