package vn.lienthong.axis.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's post office: stored submissions, one delivery per recipient, transport states. Package bytes
 * live in {@code <dataDir>/packages/<submissionId>.edxml}; the bookkeeping is kept in memory and made durable by
 * a {@link StateJournal} (one line appended per change, a snapshot {@code state.json} at compaction), so a restart
 * keeps its mailboxes and a change costs the same however many documents the simulator holds.
 */
final class Deliveries implements AutoCloseable {

    static final String COUNTERPART = "(counterpart)";
    static final String INJECTED = "(injected)";
    static final String INITIAL = "initial";
    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String FAIL = "fail";

    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final Path packagesDir;
    private final StateJournal journal;
    private final Router router;
    private final Clock clock;
    private final boolean failedAckKeepsItemListed;
    private final SecureRandom random = new SecureRandom();

    Deliveries(Path dataDir, Router router, Clock clock, boolean failedAckKeepsItemListed) throws IOException {
        this.packagesDir = Files.createDirectories(dataDir.resolve("packages"));
        this.journal = new StateJournal(dataDir);
        this.router = router;
        this.clock = clock;
        this.failedAckKeepsItemListed = failedAckKeepsItemListed;
        journal.load(this::readSnapshot, this::replay);
        journal.compact(this::writeState);
    }

    /** Where an incoming body is written before it is accepted; same file system, so accepting is a rename. */
    Path newIncomingFile() throws IOException {
        return Files.createTempFile(packagesDir, "incoming-", ".part");
    }

    /**
     * Accepts a stored package: routes it, moves it into place, records one delivery per recipient (two when
     * {@code duplicate}).
     *
     * @return the submission and the counterpart deliveries the caller should let the counterpart answer
     */
    synchronized Accepted accept(String senderSystem, String messageType, Path incoming, PackageFacts facts,
                                 long size, boolean duplicate) throws RoutingException, IOException {
        Map<String, List<String>> recipients = router.recipients(facts.routingTargets());
        var now = clock.instant();
        Submission submission = new Submission(newId(), senderSystem, facts.fromOrganId(), messageType, facts, size,
                now);
        move(incoming, packageFile(submission.id()));
        submissions.put(submission.id(), submission);
        List<Delivery> forCounterparts = new ArrayList<>();
        List<Delivery> created = new ArrayList<>();
        recipients.forEach((recipient, organs) -> {
            boolean counterpart = recipient.startsWith(Router.COUNTERPART_PREFIX);
            // The counterpart takes its copy at once, so the sender's tracking shows it delivered.
            Delivery delivery = new Delivery(newId(), submission.id(), counterpart ? COUNTERPART : recipient, organs,
                    messageType, facts.fromOrganId(), now, counterpart ? DONE : INITIAL, now);
            deliveries.put(delivery.id, delivery);
            created.add(delivery);
            if (counterpart) {
                forCounterparts.add(delivery);
            } else if (duplicate) {
                Delivery copy = new Delivery(newId(), submission.id(), recipient, organs, messageType,
                        facts.fromOrganId(), now, INITIAL, now);
                deliveries.put(copy.id, copy);
                created.add(copy);
            }
        });
        journal.append(g -> {
            g.write("change", "accepted");
            g.writeKey("submission");
            StateJson.writeSubmission(g, submission);
            g.writeStartArray("deliveries");
            created.forEach(d -> StateJson.writeDelivery(g, d));
            g.writeEnd();
        });
        compactIfLong();
        return new Accepted(submission, forCounterparts);
    }

    record Accepted(Submission submission, List<Delivery> counterpartDeliveries) {
    }

    synchronized List<Delivery> pending(String systemId, String messageType) {
        return deliveries.values().stream()
                .filter(d -> d.recipientSystem.equals(systemId) && d.messageType.equals(messageType))
                .filter(d -> !d.state.equals(DONE) && (failedAckKeepsItemListed || !d.state.equals(FAIL)))
                .toList();
    }

    synchronized Optional<Delivery> find(String systemId, String deliveryId) {
        Delivery d = deliveryId == null ? null : deliveries.get(deliveryId);
        return d != null && d.recipientSystem.equals(systemId) ? Optional.of(d) : Optional.empty();
    }

    synchronized boolean acknowledge(String systemId, String deliveryId, String state) {
        Optional<Delivery> found = find(systemId, deliveryId);
        found.ifPresent(d -> {
            d.state = state;
            d.updated = clock.instant();
            journal.append(g -> {
                g.write("change", "acknowledged");
                g.write("id", d.id);
                g.write("state", d.state);
                g.write("updated", d.updated.toString());
            });
            compactIfLong();
        });
        return found.isPresent();
    }

    /** DocumentIds of the stored document (not status) submissions, oldest first. */
    synchronized List<String> receivedDocumentIds() {
        return submissions.values().stream().filter(s -> !s.facts().status()).map(s -> s.facts().documentId())
                .toList();
    }

    synchronized Submission submission(String id) {
        return submissions.get(id);
    }

    /** Submissions of a sender (optionally one), each with its deliveries, oldest first. */
    synchronized List<Map.Entry<Submission, List<Delivery>>> sentBy(String systemId, String messageType,
                                                                     String submissionId) {
        Map<String, List<Delivery>> bySubmission = new LinkedHashMap<>();
        for (Submission s : submissions.values()) {
            if (s.senderSystem().equals(systemId) && s.messageType().equals(messageType)
                    && (submissionId == null || submissionId.equals(s.id()))) {
                bySubmission.put(s.id(), new ArrayList<>());
            }
        }
        // One pass over the deliveries, not one per submission: the list stays cheap with many documents.
        for (Delivery d : deliveries.values()) {
            List<Delivery> of = bySubmission.get(d.submissionId);
            if (of != null) {
                of.add(d);
            }
        }
        List<Map.Entry<Submission, List<Delivery>>> rows = new ArrayList<>();
        bySubmission.forEach((id, list) -> rows.add(Map.entry(submissions.get(id), List.copyOf(list))));
        return rows;
    }

    Path packageFile(String submissionId) {
        return packagesDir.resolve(submissionId + ".edxml");
    }

    synchronized void writeState(JsonGenerator g) {
        g.writeStartArray("submissions");
        submissions.values().forEach(s -> StateJson.writeSubmission(g, s));
        g.writeEnd();
        g.writeStartArray("deliveries");
        deliveries.values().forEach(d -> StateJson.writeDelivery(g, d));
        g.writeEnd();
    }

    synchronized void clear() {
        submissions.keySet().forEach(id -> packageFile(id).toFile().delete());
        submissions.clear();
        deliveries.clear();
        journal.append(g -> g.write("change", "cleared"));
        compactIfLong();
    }

    /** Writes a snapshot and empties the journal (also at start); the simulator keeps running on its memory. */
    @Override
    public synchronized void close() throws IOException {
        journal.compact(this::writeState);
        journal.close();
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Compacts once the journal holds more records than a few times the state: the snapshot's cost, proportional to
     * the state, is then spread over as many changes, so a change stays cheap on average.
     */
    private void compactIfLong() {
        if (journal.records() > Math.max(10_000, 4L * (submissions.size() + deliveries.size()))) {
            try {
                journal.compact(this::writeState);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compact the simulator's journal", e);
            }
        }
    }

    private void readSnapshot(JsonObject state) {
        for (JsonValue v : state.getJsonArray("submissions")) {
            Submission s = StateJson.readSubmission(v.asJsonObject());
            submissions.put(s.id(), s);
        }
        for (JsonValue v : state.getJsonArray("deliveries")) {
            Delivery d = StateJson.readDelivery(v.asJsonObject());
            deliveries.put(d.id, d);
        }
    }

    /** Applies one journal record; each sets absolute values, so replaying one twice changes nothing. */
    private void replay(JsonObject record) {
        switch (record.getString("change")) {
            case "accepted" -> {
                Submission s = StateJson.readSubmission(record.getJsonObject("submission"));
                submissions.put(s.id(), s);
                for (JsonValue v : record.getJsonArray("deliveries")) {
                    Delivery d = StateJson.readDelivery(v.asJsonObject());
                    deliveries.put(d.id, d);
                }
            }
            case "acknowledged" -> {
                Delivery d = deliveries.get(record.getString("id"));
                if (d != null) {
                    d.state = record.getString("state");
                    d.updated = Instant.parse(record.getString("updated"));
                }
            }
            case "cleared" -> {
                submissions.clear();
                deliveries.clear();
            }
            default -> throw new IllegalStateException("Unknown journal record " + record);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
