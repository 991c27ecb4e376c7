package vn.lienthong.axis.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's post office: stored submissions, one delivery per recipient, transport states. Package bytes
 * live in {@code <dataDir>/packages/<submissionId>.edxml}; the bookkeeping is rewritten to
 * {@code <dataDir>/state.json} after every change (small, and it makes a restart keep its mailboxes).
 */
final class Deliveries {

    static final String COUNTERPART = "(counterpart)";
    static final String INJECTED = "(injected)";
    static final String INITIAL = "initial";
    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String FAIL = "fail";

    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final Path packagesDir;
    private final Path stateFile;
    private final Router router;
    private final Clock clock;
    private final boolean failedAckKeepsItemListed;
    private final SecureRandom random = new SecureRandom();

    Deliveries(Path dataDir, Router router, Clock clock, boolean failedAckKeepsItemListed) throws IOException {
        this.packagesDir = Files.createDirectories(dataDir.resolve("packages"));
        this.stateFile = dataDir.resolve("state.json");
        this.router = router;
        this.clock = clock;
        this.failedAckKeepsItemListed = failedAckKeepsItemListed;
        load();
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
        recipients.forEach((recipient, organs) -> {
            boolean counterpart = recipient.startsWith(Router.COUNTERPART_PREFIX);
            // The counterpart takes its copy at once, so the sender's tracking shows it delivered.
            Delivery delivery = new Delivery(newId(), submission.id(), counterpart ? COUNTERPART : recipient, organs,
                    messageType, facts.fromOrganId(), now, counterpart ? DONE : INITIAL, now);
            deliveries.put(delivery.id, delivery);
            if (counterpart) {
                forCounterparts.add(delivery);
            } else if (duplicate) {
                Delivery copy = new Delivery(newId(), submission.id(), recipient, organs, messageType,
                        facts.fromOrganId(), now, INITIAL, now);
                deliveries.put(copy.id, copy);
            }
        });
        persist();
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
            persist();
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
        List<Map.Entry<Submission, List<Delivery>>> rows = new ArrayList<>();
        for (Submission s : submissions.values()) {
            if (s.senderSystem().equals(systemId) && s.messageType().equals(messageType)
                    && (submissionId == null || submissionId.equals(s.id()))) {
                rows.add(Map.entry(s, deliveries.values().stream()
                        .filter(d -> d.submissionId.equals(s.id())).toList()));
            }
        }
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
        persist();
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void persist() {
        try {
            Path temp = stateFile.resolveSibling("state.json.tmp");
            try (OutputStream out = Files.newOutputStream(temp);
                 JsonGenerator g = Json.createGenerator(out)) {
                g.writeStartObject();
                writeState(g);
                g.writeEnd();
            }
            move(temp, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(stateFile)) {
            return;
        }
        try (InputStream in = Files.newInputStream(stateFile); JsonReader reader = Json.createReader(in)) {
            JsonObject state = reader.readObject();
            for (JsonValue v : state.getJsonArray("submissions")) {
                Submission s = StateJson.readSubmission(v.asJsonObject());
                submissions.put(s.id(), s);
            }
            for (JsonValue v : state.getJsonArray("deliveries")) {
                Delivery d = StateJson.readDelivery(v.asJsonObject());
                deliveries.put(d.id, d);
            }
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
