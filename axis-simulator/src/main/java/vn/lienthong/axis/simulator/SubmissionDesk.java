package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Takes packages in, whoever sends them (a connected system's sendEdoc, the counterpart, an operator injecting
 * one): stores the bytes, checks them the way the axis would, then hands them to {@link Deliveries} for routing and
 * tells the counterpart about copies addressed to it.
 */
final class SubmissionDesk {

    private final Deliveries deliveries;
    private final PackageInspector inspector;
    private final Router router;
    private final FaultInjector faults;
    private final boolean hashFileCheck;
    private final long maxPackageBytes;
    private volatile BiConsumer<String, PackageFacts> counterpart = (organ, facts) -> { };

    SubmissionDesk(Deliveries deliveries, PackageInspector inspector, Router router, FaultInjector faults,
                   boolean hashFileCheck, long maxPackageBytes) {
        this.deliveries = deliveries;
        this.inspector = inspector;
        this.router = router;
        this.faults = faults;
        this.hashFileCheck = hashFileCheck;
        this.maxPackageBytes = maxPackageBytes;
    }

    void counterpart(BiConsumer<String, PackageFacts> listener) {
        this.counterpart = listener;
    }

    /** sendEdoc of a connected system: {@code from} must be one of its organisations and match the package. */
    Submission fromSystem(SystemAccount system, String from, String messageType, String hashFile, InputStream body)
            throws RoutingException, IOException {
        if (!"edoc".equals(messageType) && !"status".equals(messageType)) {
            throw new RoutingException("INVALID_MESSAGETYPE", "messagetype must be edoc or status");
        }
        if (from == null || from.isBlank()) {
            throw new RoutingException("MISSING_FROM", "from is required");
        }
        if (!router.serves(system, from)) {
            throw new RoutingException("FROM_NOT_SERVED", "system does not serve " + from);
        }
        Path incoming = deliveries.newIncomingFile();
        try {
            IncomingPackage stored = store(body, incoming);
            if (hashFileCheck && hashFile != null && !stored.matchesHashFile(hashFile)) {
                throw new RoutingException("HASH_MISMATCH", "hash-file does not match the body");
            }
            PackageFacts facts = inspect(incoming);
            if (facts.status() != "status".equals(messageType)) {
                throw new RoutingException("KIND_MISMATCH", "messagetype " + messageType + " but the package is "
                        + (facts.status() ? "a status package" : "a document package"));
            }
            if (!router.sameOrganisation(from, facts.fromOrganId())) {
                throw new RoutingException("FROM_MISMATCH", "from " + from + " differs from the package's From "
                        + facts.fromOrganId());
            }
            return accept(system.systemId(), messageType, incoming, facts, stored.size());
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /** A package produced inside the simulator (counterpart) or injected by an operator; no sender checks. */
    Submission internal(String senderLabel, InputStream body) throws RoutingException, IOException {
        Path incoming = deliveries.newIncomingFile();
        try {
            IncomingPackage stored = store(body, incoming);
            PackageFacts facts = inspect(incoming);
            return accept(senderLabel, facts.status() ? "status" : "edoc", incoming, facts, stored.size());
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    private Submission accept(String sender, String messageType, Path incoming, PackageFacts facts, long size)
            throws RoutingException, IOException {
        boolean duplicate = faults.take(FaultMode.DUPLICATE, "sendEdoc").isPresent();
        Deliveries.Accepted accepted = deliveries.accept(sender, messageType, incoming, facts, size, duplicate);
        for (Delivery delivery : accepted.counterpartDeliveries()) {
            counterpart.accept(delivery.recipientOrganIds.get(0), facts);
        }
        return accepted.submission();
    }

    private IncomingPackage store(InputStream body, Path incoming) throws RoutingException, IOException {
        try {
            return IncomingPackage.store(body, incoming, maxPackageBytes);
        } catch (IncomingPackage.TooLargeException e) {
            throw new RoutingException("PACKAGE_TOO_LARGE", e.getMessage());
        }
    }

    private PackageFacts inspect(Path file) throws RoutingException {
        try (InputStream in = Files.newInputStream(file)) {
            return inspector.inspect(in);
        } catch (IOException | RuntimeException e) {
            throw new RoutingException("INVALID_PACKAGE", "not a readable EDXML package: " + e.getMessage());
        }
    }
}
