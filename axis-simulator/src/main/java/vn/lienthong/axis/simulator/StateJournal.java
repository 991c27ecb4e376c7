package vn.lienthong.axis.simulator;

import jakarta.json.Json;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Durable bookkeeping of the simulator without rewriting it on every change: the state lives in memory
 * ({@link Deliveries}); each change is appended as one JSON line to {@code journal.jsonl}; {@code state.json} is a
 * snapshot written only when the journal is compacted (at start, when the journal has grown to several times the
 * state, and at close). At start the snapshot is read and the journal replayed over it; a torn last line (the process
 * died while writing it) is ignored, as the request that caused it was never answered.
 *
 * <p>fsync policy: an appended line is handed to the operating system before the request is answered (one
 * {@code write}, no fsync), so it survives the simulator process being killed; a machine crash may lose the last
 * changes. The snapshot is fsynced before it replaces the previous one, and the journal is emptied only after that.
 * Replaying a journal over a snapshot that already contains it gives the same state (every record sets absolute
 * values), so a crash between the two steps of a compaction loses nothing.
 */
final class StateJournal implements AutoCloseable {

    /** Created once: {@code Json.createGenerator} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(null);

    private static final System.Logger LOG = System.getLogger(StateJournal.class.getName());

    private final Path snapshot;
    private final Path journal;
    private OutputStream out;
    private long records;

    StateJournal(Path dataDir) {
        this.snapshot = dataDir.resolve("state.json");
        this.journal = dataDir.resolve("journal.jsonl");
    }

    /** Reads the snapshot (if any) into {@code snapshotReader}, then each journal record into {@code replay}. */
    void load(Consumer<JsonObject> snapshotReader, Consumer<JsonObject> replay) throws IOException {
        if (Files.exists(snapshot)) {
            try (JsonReader reader = Json.createReader(Files.newBufferedReader(snapshot, StandardCharsets.UTF_8))) {
                snapshotReader.accept(reader.readObject());
            }
        }
        if (!Files.exists(journal)) {
            return;
        }
        try (BufferedReader lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject record;
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    record = reader.readObject();
                } catch (JsonException e) {
                    if (lines.readLine() == null) {
                        int n = number;
                        LOG.log(System.Logger.Level.WARNING, () -> "ignoring the torn last line " + n + " of " + journal);
                        break;
                    }
                    throw new IOException("Unreadable line " + number + " of " + journal, e);
                }
                replay.accept(record);
            }
        }
    }

    /** Appends one change; the line reaches the operating system before this returns. */
    void append(Consumer<JsonGenerator> record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = GENERATORS.createGenerator(text)) {
            g.writeStartObject();
            record.accept(g);
            g.writeEnd();
        }
        text.write('\n');
        try {
            if (out == null) {
                out = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8)); // one write(2): unbuffered stream
            records++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal, e);
        }
    }

    /** Records appended since the last compaction. */
    long records() {
        return records;
    }

    /** Writes the whole state as the new snapshot (fsynced, atomic replace), then empties the journal. */
    void compact(Consumer<JsonGenerator> state) throws IOException {
        Path temp = snapshot.resolveSibling("state.json.tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream stream = java.nio.channels.Channels.newOutputStream(channel);
            JsonGenerator g = Json.createGenerator(stream);
            g.writeStartObject();
            state.accept(g);
            g.writeEnd();
            g.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, snapshot, StandardCopyOption.REPLACE_EXISTING);
        }
        if (out != null) {
            out.close();
            out = null;
        }
        Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE).close();
        records = 0;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
