package vn.lienthong.it.support;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisClientConfig;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.PackageHeader;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * The document system of the counterpart agency ({@link AxisSimulatorExtension#COUNTERPART_ORGAN}) on the axis
 * simulator: sends documents to our organisation and reads what reached it, as any connected system would.
 */
public final class CounterpartSystem implements AutoCloseable {

    private final AxisClient client;
    private final Map<String, PackageHeader> seen = new HashMap<>();

    public CounterpartSystem() {
        client = AxisClient.create(new AxisClientConfig(AxisSimulatorExtension.simulator().baseUri(),
                AxisSimulatorExtension.COUNTERPART_SYSTEM, AxisSimulatorExtension.counterpartSecret(),
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    public static String newDocumentId(String number) {
        return AxisSimulatorExtension.COUNTERPART_ORGAN + ",2026/11/23," + number + "/UBND-VP";
    }

    /** Sends a document package (business type 0 new, 1 recall) with one PDF attachment to {@code toOrganId}. */
    public void send(String toOrganId, String number, byte[] pdf, int businessType) throws Exception {
        String documentId = newDocumentId(number);
        MessageHeader header = new MessageHeader(Organization.of(AxisSimulatorExtension.COUNTERPART_ORGAN,
                "UBND tỉnh Nghệ An"), List.of(Organization.of(toOrganId, "Văn phòng Chính phủ")), documentId,
                new DocumentCode(number, "UBND-VP"), new PromulgationInfo("Nghệ An", LocalDate.of(2026, 11, 23)),
                new DocumentType(1, null, "Công văn"), "Báo cáo tình hình", null, null, null,
                new OtherInfo(0, null, null, null, null, false, List.of()), List.of(), 0, List.of(), null, List.of());
        Bussiness business = businessType == 0 ? Bussiness.newDocument("Văn bản mới", null)
                : new Bussiness(documentId, BusinessType.RECALL, "Thu hồi văn bản điện tử", 0, List.of(), List.of(),
                        List.of());
        DocumentPackage pkg = new DocumentPackage(header, new TraceHeaderList(business,
                List.of(new TraceHeader(AxisSimulatorExtension.COUNTERPART_ORGAN, LocalDateTime.now()))));
        Path file = Files.createTempFile("counterpart", ".edxml");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                new EdxmlWriter().writeDocument(pkg, List.of(new AttachmentSource("cong-van-den.pdf",
                        "Công văn đến", "application/pdf", () -> new ByteArrayInputStream(pdf))), out);
            }
            client.sendEdoc(AxisSimulatorExtension.COUNTERPART_ORGAN, List.of(toOrganId), MessageType.EDOC, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Status codes received for {@code documentId}, in arrival order. */
    public List<String> statuses(String documentId) throws Exception {
        List<String> codes = new ArrayList<>();
        for (PackageHeader h : headers(MessageType.STATUS)) {
            if (documentId.equals(h.responseForDocumentId())) {
                codes.add(h.statusCode());
            }
        }
        return codes;
    }

    /** Business types of the document packages with {@code documentId} received so far. */
    public List<Integer> businessTypes(String documentId) throws Exception {
        return headers(MessageType.EDOC).stream().filter(h -> documentId.equals(h.documentId()))
                .map(h -> h.businessType() == null ? 0 : h.businessType()).toList();
    }

    /**
     * The document package {@code documentId} as the counterpart fetches it from its mailbox (the first, if several
     * carry that id), in a temporary file; empty while it has not arrived.
     */
    public Optional<Path> fetchDocument(String documentId) throws Exception {
        for (ReceivedItem item : client.getReceivedEdocList(MessageType.EDOC)) {
            if (documentId.equals(header(item.docId()).documentId())) {
                Path file = Files.createTempFile("fetched", ".edxml");
                Files.delete(file);
                client.getEdoc(item.docId(), file);
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Headers of every package of {@code type} in the mailbox; each is fetched once. */
    private List<PackageHeader> headers(MessageType type) throws Exception {
        List<PackageHeader> result = new ArrayList<>();
        for (ReceivedItem item : client.getReceivedEdocList(type)) {
            result.add(header(item.docId()));
        }
        return result;
    }

    private PackageHeader header(String axisDocId) throws Exception {
        PackageHeader h = seen.get(axisDocId);
        if (h == null) {
            h = fetchHeader(axisDocId);
            seen.put(axisDocId, h);
        }
        return h;
    }

    private PackageHeader fetchHeader(String axisDocId) throws Exception {
        Path file = Files.createTempFile("fetched", ".edxml");
        Files.delete(file);
        try {
            client.getEdoc(axisDocId, file);
            try (var in = Files.newInputStream(file)) {
                return EdxmlHeaderScanner.scan(in);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public AxisClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    /** The adapter's own mailbox on the axis, read with its demo secret: what it has not acknowledged yet. */
    public static List<ReceivedItem> adapterMailbox() throws AxisException, java.io.IOException {
        String secret = Files.readString(AxisSimulatorExtension.dataDir().resolve("axis-secret")).trim();
        try (AxisClient adapter = AxisClient.create(new AxisClientConfig(AxisSimulatorExtension.simulator().baseUri(),
                AxisSimulatorExtension.ADAPTER_SYSTEM, secret, Duration.ofSeconds(5), Duration.ofSeconds(30)))) {
            return adapter.getReceivedEdocList(MessageType.EDOC);
        }
    }
}
