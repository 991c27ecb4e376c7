package vn.lienthong.adapter.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.platform.time.VietnamTime;

class ConsoleRulesTest {

    @Test
    void completenessFollowsTheGovernmentOfficesCategories() {
        assertEquals(0, ConsoleQueries.category("06"), "full chain");
        assertEquals(0, ConsoleQueries.category("02"), "refusal closes the chain");
        assertEquals(1, ConsoleQueries.category("03"));
        assertEquals(1, ConsoleQueries.category("05"));
        assertEquals(2, ConsoleQueries.category("01"));
        assertEquals(3, ConsoleQueries.category(null));
        assertEquals(3, ConsoleQueries.category(" "));
    }

    @Test
    void aViewerSeesItsOrganisationsAndMayNotAct() {
        ConsoleUser viewer = new ConsoleUser("v", "h", ConsoleRole.VIEWER, List.of("000.00.00.G22"), "t",
                VietnamTime.now());
        ConsoleCaller c = ConsoleCaller.of(viewer, "127.0.0.1");
        assertTrue(c.maySee("000.00.00.G22"));
        assertFalse(c.maySee("000.00.00.H41"));
        assertFalse(c.maySee(null));
        assertFalse(c.mayAct());
        assertFalse(c.isAdministrator());
        assertEquals("console:v", c.actor());
    }

    @Test
    void anAdministratorSeesEverythingWhateverOrganisationsWereTyped() {
        ConsoleUser admin = new ConsoleUser("a", "h", ConsoleRole.ADMINISTRATOR, List.of("000.00.00.G22"), "t",
                VietnamTime.now());
        assertTrue(admin.seesAll());
        ConsoleCaller c = ConsoleCaller.of(admin, null);
        assertTrue(c.maySee("000.00.00.H41") && c.mayAct() && c.isAdministrator());
    }

    @Test
    void roleNamesAreTheJakartaSecurityGroups() {
        assertEquals(ConsoleRole.OPERATOR, ConsoleRole.of("operator").orElseThrow());
        assertTrue(ConsoleRole.of("OPERATOR").isEmpty());
        assertTrue(ConsoleRole.of("root").isEmpty());
    }
}
