package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

import vn.lienthong.adapter.legacy.control.SpooledPart;

/** A received old-protocol request: the envelope bytes and the spooled attachment parts, by Content-ID. */
public final class SwaMessage implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SwaMessage.class.getName());

    private final Path spoolDir;
    private byte[] envelope;
    private final Map<String, SpooledPart> parts = new LinkedHashMap<>();

    SwaMessage(Path spoolDir) {
        this.spoolDir = spoolDir;
    }

    public byte[] envelope() {
        return envelope;
    }

    void envelope(byte[] bytes) {
        envelope = bytes;
    }

    public Map<String, SpooledPart> parts() {
        return parts;
    }

    Path spoolDir() {
        return spoolDir;
    }

    /** Removes the spooled parts; the submission has copied what it keeps into the attachment store by now. */
    @Override
    public void close() {
        if (spoolDir == null || !Files.exists(spoolDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(spoolDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not remove spooled request parts in " + spoolDir);
        }
    }
}
