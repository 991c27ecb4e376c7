package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.MessageType;

/**
 * The bookkeeping is appended to a journal, not rewritten per change: a simulator that ends without closing (as
 * after kill -9) is read back from the snapshot plus the journal, a torn last line included; closing compacts.
 */
class StateJournalTest extends SimulatorTestSupport {

    @TempDir
    Path tmp;

    @Test
    void aSimulatorThatNeverClosedIsRestoredFromItsJournalAndATornLastLineIsIgnored() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (AxisSimulator first = AxisSimulator.start(twoSystems().dataDir(dataDir).build());
             AxisClient sender = vpcp(first); AxisClient receiver = nghean(first)) {
            String snapshotAtStart = Files.readString(dataDir.resolve("state.json"));
            for (int i = 0; i < 3; i++) {
                sender.sendEdoc(VPCP, List.of(), MessageType.EDOC,
                        TestPackages.document(tmp, VPCP, List.of(NGHEAN), "d" + i, 0));
            }
            String done = receiver.getReceivedEdocList(MessageType.EDOC).get(0).docId();
            receiver.updateStatus(done, AckStatus.DONE);
            assertEquals(snapshotAtStart, Files.readString(dataDir.resolve("state.json")),
                    "changes are appended to the journal, the snapshot is not rewritten");
            assertEquals(4, Files.readAllLines(dataDir.resolve("journal.jsonl")).size(), "3 accepted, 1 acknowledged");
            // The process dies while appending a line: half a record at the end of the journal.
            Files.writeString(dataDir.resolve("journal.jsonl"), "{\"change\":\"acknowledged\",\"id\":\"",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            // A copy of the folder while the first simulator still runs, never closed: what kill -9 would leave.
            copyTree(dataDir, tmp.resolve("copy"));
            try (AxisSimulator restored = AxisSimulator.start(twoSystems().dataDir(tmp.resolve("copy")).build());
                 AxisClient again = nghean(restored)) {
                List<String> pending = again.getReceivedEdocList(MessageType.EDOC).stream().map(i -> i.docId())
                        .toList();
                assertEquals(2, pending.size(), "three received, one acknowledged DONE: " + pending);
                assertTrue(!pending.contains(done));
                assertEquals(0, Files.size(tmp.resolve("copy").resolve("journal.jsonl")),
                        "the start compacted the journal into the snapshot");
            }
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
