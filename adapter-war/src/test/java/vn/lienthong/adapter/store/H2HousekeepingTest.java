package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.platform.store.H2Housekeeping;

/**
 * The H2 file under {@code WRITE_DELAY=0} (the adapter's default URL) is never compacted by H2 itself; the
 * housekeeping job's compaction raises the fill rate of its chunks again (issue 11: the file grew ~200 KiB per
 * document).
 */
class H2HousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void compactsTheFileThatWriteDelayZeroLeavesSparse() throws Exception {
        // RETENTION_TIME=0 only so that the test need not wait 45 s for chunks to become reclaimable
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("hk")
                + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
                s.execute("CREATE INDEX ix_t_v ON t (v)");
            }
            // many small commits, each rewriting a few pages: the pattern of the adapter's per-document commits
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
                    PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                for (int i = 0; i < 1500; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "document " + i + " ".repeat(100));
                    insert.executeUpdate();
                }
                for (int i = 0; i < 1500; i += 3) {
                    update.setString(1, "sent " + i + " ".repeat(100));
                    update.setInt(2, (i * 7) % 1500);
                    update.executeUpdate();
                }
            }
            MVStore store = H2Housekeeping.embeddedStore(c);
            assertNotNull(store, "an embedded H2 file store is found behind the connection");
            int before = store.getFileStore().getChunksFillRate();
            assertTrue(before < 90, "sparse chunks before compaction (fill rate " + before + " %)");

            for (int round = 0; round < 20 && H2Housekeeping.compact(store); round++) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE t SET v = v WHERE id = 0"); // a commit lets dead chunks be dropped
                }
            }
            int after = store.getFileStore().getChunksFillRate();
            assertTrue(after > before, "compaction raised the fill rate from " + before + " % to " + after + " %");
        }
    }

    @Test
    void reportsFileSizeFillRatesAndLiveBytesOfTheFile() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("report") + ";WRITE_DELAY=0",
                "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
                s.execute("INSERT INTO t SELECT X, SPACE(150) FROM SYSTEM_RANGE(1, 2000)");
            }
            String line = H2Housekeeping.report(c);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "H2 store: file (\\d+) KiB, fill (\\d+) %, chunks fill (\\d+) %, live ~(\\d+) KiB, chunks (\\d+),"
                    + " pages (\\d+) live of (\\d+)").matcher(line);
            assertTrue(m.matches(), line);
            long fileKib = Long.parseLong(m.group(1));
            long liveKib = Long.parseLong(m.group(4));
            assertTrue(fileKib * 1024 >= java.nio.file.Files.size(dir.resolve("report.mv.db")) / 2 && fileKib > 300,
                    "the file's size (2,000 rows of 150 characters): " + line);
            assertTrue(liveKib > 0 && liveKib <= fileKib, "live bytes within the file: " + line);
            String chunks = H2Housekeeping.chunkStates(H2Housekeeping.embeddedStore(c));
            assertTrue(chunks.matches("chunks [1-9]\\d*: dead retained \\d+, dead held by an old version \\d+, older than"
                    + " retention with live pages \\d+ \\(\\d+ of \\d+ pages live, \\d+ pinned\\); version [1-9]\\d*, oldest kept \\d+"), chunks);
        }
    }

    @Test
    void describesMissingFiguresAsZeroOrUnknown() {
        assertEquals("H2 store: file 2048 KiB, fill 50 %, chunks fill 50 %, live ~512 KiB, chunks ?, pages ? live of ?",
                H2Housekeeping.describe(java.util.Map.of("FILE_SIZE", "2097152", "FILL_RATE", "50",
                        "CHUNKS_FILL_RATE", "50")));
    }

    @Test
    void findsNothingToCompactInAnInMemoryDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:hk", "sa", "")) {
            assertNull(H2Housekeeping.embeddedStore(c));
        }
    }
}
