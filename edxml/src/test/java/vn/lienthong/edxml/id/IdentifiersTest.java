package vn.lienthong.edxml.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void qcvn102IdentifiersDecompose() {
        OrganId vpcp = OrganId.parse("000.00.00.G22");
        assertEquals(OrganId.Scheme.QCVN102, vpcp.scheme());
        assertEquals(1, vpcp.level());
        assertEquals(Optional.of('G'), vpcp.family());
        assertEquals(Optional.empty(), vpcp.parent());
        OrganId dept = OrganId.parse("000.00.05.H41");
        assertEquals(2, dept.level());
        assertEquals("000.00.00.H41", dept.parent().orElseThrow().value());
        OrganId deep = OrganId.parse("002.00.20.H13");
        assertEquals(4, deep.level());
        assertEquals("000.00.20.H13", deep.parent().orElseThrow().value());
        assertTrue(OrganId.parse("000.00.00.H13").isAncestorOf(deep));
        assertFalse(vpcp.isAncestorOf(deep));
        assertEquals(List.of("H13", "20", "00", "002"), deep.groupsFromTop());
    }

    @Test
    void qd20IdentifiersDevelopLeftToRight() {
        OrganId mof = OrganId.parse("G12");
        assertEquals(OrganId.Scheme.QD20, mof.scheme());
        assertEquals(Optional.of("000.00.00.G12"), mof.level1Qcvn102Form());
        OrganId dept = OrganId.parse("H37.02.02");
        assertEquals(3, dept.level());
        assertEquals("H37.02", dept.parent().orElseThrow().value());
        assertEquals(Optional.of("H37"), dept.level1Code());
        assertTrue(mof.isStandard());
        assertFalse(OrganId.isQd20("G12." + "1".repeat(40)));
    }

    @Test
    void nonStandardIdsAreReceivableTokens() {
        for (String id : List.of("28.22.H17", "vxp.saas.03", "020100107370", "01.02.G22")) {
            assertEquals(OrganId.Scheme.NON_STANDARD, OrganId.parse(id).scheme(), id);
            assertTrue(OrganId.isReceivable(id));
        }
        assertFalse(OrganId.isReceivable("has space"));
        assertFalse(OrganId.isReceivable(""));
    }

    @Test
    void documentIdComposeAndParse() {
        String id = DocumentId.compose("000.00.00.G22", LocalDate.of(2015, 9, 30), "7816", "VPCP-TTĐT");
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", id);
        DocumentId parsed = DocumentId.parse(id).orElseThrow();
        assertEquals("7816", parsed.codeNumber());
        assertEquals("VPCP-TTĐT", parsed.codeNotation());
        assertEquals("a/b", DocumentId.parse("X,2020/01/02,1/a/b").orElseThrow().codeNotation());
        assertTrue(DocumentId.parse("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT").isEmpty(), "impossible date");
        assertTrue(DocumentId.parse("1f881896-6e3a-4a5f-87f1-c380878e148e").isEmpty());
    }

    @Test
    void oldNewMapKeepsHistory() {
        OldNewCodeMap map = OldNewCodeMap.load(List.of(new OldNewCodeMap.AgencyCode("G12", "000.00.00.G12"),
                new OldNewCodeMap.AgencyCode("H57", "000.00.00.H33"), new OldNewCodeMap.AgencyCode("X", "")));
        assertEquals(Optional.of("G12"), map.newCodeFor("000.00.00.G12"));
        assertEquals(Optional.of("000.00.00.G12"), map.oldCodeFor("G12"));
        assertTrue(map.sameOrganisation("G12", "000.00.00.G12"));
        map.add("H57.01", "000.00.00.H33");
        assertEquals(Optional.of("H57.01"), map.newCodeFor("000.00.00.H33"));
        assertEquals(List.of("H57", "H57.01"), map.history("000.00.00.H33"));
        assertEquals(2, map.size());
    }
}
