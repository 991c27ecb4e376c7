package vn.lienthong.adapter.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.vocabulary.Rejection;

/** Contact validation: every refusal has its stable code; a valid form is normalised. */
class ContactTableTest {

    private static String refusal(String organ, String role, String name, String email, String hook) {
        return assertThrows(Rejection.class, () -> ContactTable.validate(
                new ContactTable.Form(organ, role, name, email, hook))).code();
    }

    @Test
    void refusalsHaveStableCodes() {
        assertEquals("N.organId", refusal(" ", "TECHNICAL", "A", "a@b.vn", null));
        assertEquals("M.organId", refusal("000.00.00.G22'; DROP", "TECHNICAL", "A", "a@b.vn", null));
        assertEquals("N.role", refusal("000.00.00.G22", null, "A", "a@b.vn", null));
        assertEquals("M.role", refusal("000.00.00.G22", "BOSS", "A", "a@b.vn", null));
        assertEquals("N.name", refusal("000.00.00.G22", "TECHNICAL", "", "a@b.vn", null));
        assertEquals("M.name", refusal("000.00.00.G22", "TECHNICAL", "A\r\nBcc: x@y.vn", "a@b.vn", null));
        assertEquals("N.email", refusal("000.00.00.G22", "TECHNICAL", "A", null, null));
        assertEquals("M.email", refusal("000.00.00.G22", "TECHNICAL", "A", "a@b.vn\r\nBcc: x@y.vn", null));
        assertEquals("M.email", refusal("000.00.00.G22", "TECHNICAL", "A", "a,b@c.vn", null));
        assertEquals("M.webhookUrl", refusal("000.00.00.G22", "TECHNICAL", "A", "a@b.vn", "file:///etc/passwd"));
        assertEquals("M.webhookUrl", refusal("000.00.00.G22", "TECHNICAL", "A", "a@b.vn", "https://u:p@h.vn/x"));
        assertEquals("M.webhookUrl", refusal("000.00.00.G22", "TECHNICAL", "A", "a@b.vn", "http://[bad"));
        assertEquals("N.contact", assertThrows(Rejection.class, () -> ContactTable.validate(null)).code());
    }

    @Test
    void aValidFormIsTrimmed() {
        var f = ContactTable.validate(new ContactTable.Form(" 000.00.00.G22 ", "RECORDS_CLERK", " Lê Văn Thư ",
                "vanthu@laichau.gov.vn", " https://hooks.laichau.gov.vn/alerts "));
        assertEquals("000.00.00.G22", f.organId());
        assertEquals("Lê Văn Thư", f.name());
        assertEquals("https://hooks.laichau.gov.vn/alerts", f.webhookUrl());
    }
}
