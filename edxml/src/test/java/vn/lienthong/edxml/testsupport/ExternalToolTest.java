package vn.lienthong.edxml.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing independent tool skips a test on a developer's machine and fails it under CI. */
class ExternalToolTest {

    private final ExternalTool missing = new ExternalTool("frobnicator", "frobnicator-tools", () -> false);

    @Test
    void missingToolFailsUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> missing.require(true));
        assertTrue(e.getMessage().contains("frobnicator-tools"), e.getMessage());
    }

    @Test
    void missingToolSkipsOutsideCiNamingTheDebianPackage() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> missing.require(false));
        assertTrue(e.getMessage().contains("Debian package(s) frobnicator-tools"), e.getMessage());
    }

    @Test
    void presentToolPassesEverywhere() {
        ExternalTool present = new ExternalTool("true", "coreutils", () -> true);
        assertDoesNotThrow(() -> present.require(true));
        assertDoesNotThrow(() -> present.require(false));
    }
}
