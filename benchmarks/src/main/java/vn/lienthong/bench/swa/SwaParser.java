package vn.lienthong.bench.swa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One way to read an old-protocol SwA request (multipart/related): the envelope in memory, every attachment part
 * decoded to a file in {@code spool}, keyed by its Content-ID without {@code <>} and {@code cid:}. The three
 * candidates of the evaluation in docs/legacy-edoc.md ("Why this SwA reader") implement it.
 */
public interface SwaParser {

    /** The limits the adapter applies: adapter.legacy.max-envelope-bytes, adapter.limits.attachment-bytes/attachments. */
    record Limits(long maxEnvelopeBytes, long maxPartBytes, int maxParts) {
        public static final Limits DEFAULT = new Limits(2L << 20, 20L << 20, 20);
    }

    /** What a parser made of a request; closing it removes the spooled parts. */
    record Parsed(byte[] envelope, Map<String, Path> parts, Path spool) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (Files.exists(spool)) {
                try (Stream<Path> files = Files.walk(spool)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    String name();

    Parsed parse(String contentType, InputStream body, Path spool, Limits limits) throws Exception;

    /** The Content-ID as the Manifest's {@code cid:} href names it: no angle brackets, no {@code cid:}. */
    static String plainCid(String id) {
        if (id == null) {
            return null;
        }
        String t = id.trim();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.startsWith("cid:") ? t.substring(4) : t;
    }
}
