package vn.lienthong.adapter.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;


/** Metric labels come from a closed set: what a client sends never becomes a new label value. */
class FaceTest {

    @Test
    void documentsBelongToTheFaceOfTheirSubmitter() {
        assertEquals("legacy", Face.ofSubmitter("legacy:000.00.00.G22"));
        assertEquals("ws", Face.ofSubmitter("demo-client"));
        assertEquals("ws", Face.ofSubmitter(null));
    }

    @Test
    void auditEntriesBelongToTheFaceOfTheirActionOrActor() {
        assertEquals("legacy", Face.ofAudit("legacy-anonymous", "LEGACY_REQUEST"));
        assertEquals("legacy", Face.ofAudit("legacy:000.00.00.G22", "SUBMIT"));
        assertEquals("ws", Face.ofAudit("demo-client", "SUBMIT"));
        assertEquals("ws", Face.ofAudit("ws-anonymous", "WS_SECURITY"));
        assertEquals("admin", Face.ofAudit(null, "ADMIN"));
        assertEquals("axis", Face.ofAudit("axis", "RECEIVE_STATUS"));
        assertEquals("other", Face.ofAudit("system", "ADAPTER_START"));
    }
}
