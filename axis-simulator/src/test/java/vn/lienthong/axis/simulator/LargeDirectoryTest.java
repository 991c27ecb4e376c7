package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AxisClient;

/** The real directory has more than 100,000 entries; both ends must stream it. */
class LargeDirectoryTest extends SimulatorTestSupport {

    private static final int ENTRIES = 100_000;

    @Test
    void streamsAHundredThousandAgencies(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("directory.psv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < ENTRIES; i++) {
                String code = String.format("%03d.%02d.00.H41", i % 1000, i / 1000);
                w.write(i + "|3|" + code + "||H41." + i + "|Đơn vị thử nghiệm " + i + "|u" + i + "@demo.invalid\n");
            }
        }
        try (AxisSimulator sim = AxisSimulator.start(twoSystems().directory(AgencyDirectory.read(file)).build());
             AxisClient client = vpcp(sim)) {
            AtomicLong seen = new AtomicLong();
            assertEquals(ENTRIES, client.getAgenciesList(agency -> seen.incrementAndGet()));
            assertEquals(ENTRIES, seen.get());
            assertEquals(ENTRIES, client.getAgenciesListQD20("2", agency -> { }));
        }
    }
}
