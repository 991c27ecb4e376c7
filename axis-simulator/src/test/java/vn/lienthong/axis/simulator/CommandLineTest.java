package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void systemsFileWithSecretsFromTheEnvironment() throws Exception {
        Path file = Files.writeString(tmp.resolve("systems.properties"), """
                # two systems
                demo.system.01.secret = env:DEMO_SECRET
                demo.system.01.organs = 000.00.00.G22, 000.00.00.A80
                other.secret = plain-secret
                other.organs = 000.00.00.H41
                """);
        List<SystemAccount> systems = SystemsFile.read(file, Map.of("DEMO_SECRET", "from-env")::get);
        SystemAccount demo = systems.stream().filter(s -> s.systemId().equals("demo.system.01")).findFirst()
                .orElseThrow();
        assertEquals("from-env", new String(demo.secret()));
        assertEquals(Set.of("000.00.00.G22", "000.00.00.A80"), demo.organIds());
        assertFalse(demo.toString().contains("from-env"));
        assertThrows(IllegalArgumentException.class, () -> SystemsFile.read(file, name -> null));
    }

    @Test
    void parsesEveryOption() throws Exception {
        Path systems = Files.writeString(tmp.resolve("s.properties"), "a.secret=x\na.organs=000.00.00.G22\n");
        Path directory = Files.writeString(tmp.resolve("d.psv"), "1||000.00.00.G22||G22|VPCP|m@x\n");
        SimulatorConfig config = AxisSimulatorMain.parse(new String[] {
                "--port", "0", "--systems", systems.toString(), "--directory", directory.toString(),
                "--data-dir", tmp.resolve("data").toString(), "--counterpart", "000.00.00.H14,000.00.00.G17",
                "--counterpart-statuses", "02", "--counterpart-reason", "Không đúng thẩm quyền",
                "--counterpart-change-answer", "16", "--counterpart-delay-ms", "250", "--no-transit-trace",
                "--base-path", "/vxp", "--timestamp-window", "PT10M"});
        assertEquals(Set.of("000.00.00.H14", "000.00.00.G17"), config.counterpartOrganIds());
        assertEquals(List.of("02"), config.counterpartScript().documentStatuses());
        assertEquals("Không đúng thẩm quyền", config.counterpartScript().refusalReason());
        assertEquals("16", config.counterpartScript().changeAnswer());
        assertEquals(250, config.counterpartScript().stepDelay().toMillis());
        assertFalse(config.transitTraceHeader());
        assertEquals("/vxp/", config.basePath());
        assertEquals(1, config.directory().entries().size());
        assertTrue(config.hashFileCheck());
        assertThrows(IllegalArgumentException.class, () -> AxisSimulatorMain.parse(new String[] {"--port", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> AxisSimulatorMain.parse(new String[] {"--systems", systems.toString(), "--bogus", "1"}));
    }
}
