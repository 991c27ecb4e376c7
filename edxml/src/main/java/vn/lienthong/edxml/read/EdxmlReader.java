package vn.lienthong.edxml.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import vn.lienthong.edxml.attach.AttachmentLimitException;
import vn.lienthong.edxml.attach.MagicBytes;
import vn.lienthong.edxml.attach.WrapperZip;
import vn.lienthong.edxml.model.AttachmentMeta;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.validate.Finding;
import vn.lienthong.edxml.validate.PackageValidator;
import vn.lienthong.edxml.validate.Severity;

/**
 * The lenient full reader (spec §15): namespace-aware and prefix-agnostic, order-free, both Bussiness spellings,
 * ContentId with or without {@code cid:}, zipped or raw payloads decided by content, signature in either
 * namespace or none. One streaming pass decodes attachments to temporary files (never into memory); the package
 * is then mapped, validated with the {@link vn.lienthong.edxml.validate.ValidationProfile#RECEIVED} profile, and
 * only if no error was found are the attachments unwrapped and handed to the sink. Temporary files are always
 * removed. Not well-formed input throws {@link EdxmlParseException} (line and column); everything else is
 * reported as findings. Thread-safe.
 */
public final class EdxmlReader {

    private static final String ZIP = "application/zip";

    private final ReaderLimits limits;
    private final Path tempDir;

    public EdxmlReader() {
        this(ReaderLimits.defaults(), null);
    }

    /** {@code tempDir} null means the system temporary directory. */
    public EdxmlReader(ReaderLimits limits, Path tempDir) {
        this.limits = limits;
        this.tempDir = tempDir;
    }

    public ReadResult read(Path file, AttachmentSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, sink);
        }
    }

    public ReadResult read(InputStream in, AttachmentSink sink) throws IOException {
        Path work = tempDir == null ? Files.createTempDirectory("edxml-read-")
                : Files.createTempDirectory(tempDir, "edxml-read-");
        try {
            return readInto(new BufferedInputStream(in, 64 * 1024), sink, work);
        } finally {
            deleteRecursively(work);
        }
    }

    private ReadResult readInto(InputStream in, AttachmentSink sink, Path work) throws IOException {
        PackageTreeBuilder tree = new PackageTreeBuilder(limits, work);
        try {
            tree.build(in);
        } catch (AttachmentLimitException e) {
            return new ReadResult(null, null, null, SignaturePresence.ABSENT,
                    List.of(Finding.range(Severity.ERROR, "edXML", "package refused: " + e.getMessage())), List.of());
        }
        PackageMapper mapper = new PackageMapper();
        Object mapped = mapper.map(tree.root, tree.signatureCount);
        List<Finding> findings = new ArrayList<>(mapper.findings);
        if (mapped instanceof StatusPackage status) {
            findings.addAll(PackageValidator.forReceived().validate(status));
            return new ReadResult(PackageKind.STATUS, null, status, mapper.signature, findings, List.of());
        }
        if (!(mapped instanceof DocumentPackage document)) {
            return new ReadResult(mapper.kind, null, null, mapper.signature, findings, List.of());
        }
        findings.addAll(PackageValidator.forReceived().validate(document));
        List<Prepared> prepared = joinAttachments(document, mapper.attachmentEncoded, tree, findings);
        if (findings.stream().anyMatch(Finding::isError)) {
            return new ReadResult(PackageKind.DOCUMENT, document, null, mapper.signature, findings, List.of());
        }
        List<ReceivedAttachment> delivered = new ArrayList<>();
        List<WrapperZip.Outcome> contents = new ArrayList<>();
        for (Prepared p : prepared) {
            try {
                contents.add(WrapperZip.unwrapIfWrapper(p.payload.file, work.resolve("content-" + p.index),
                        p.attachment.attachmentName(), p.zipDeclared(), limits.maxUnzippedBytes(),
                        limits.maxZipRatio()));
            } catch (AttachmentLimitException | ZipException e) {
                findings.add(Finding.range(Severity.ERROR, "AttachmentEncoded.Attachment.ContentTransferEncoded",
                        "attachment cid:" + p.attachment.contentId() + ": " + e.getMessage()));
            }
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            return new ReadResult(PackageKind.DOCUMENT, document, null, mapper.signature, findings, List.of());
        }
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            WrapperZip.Outcome content = contents.get(i);
            byte[] head = new byte[8];
            int n;
            try (InputStream c = Files.newInputStream(content.content())) {
                n = c.readNBytes(head, 0, head.length);
            }
            ReceivedAttachment received = new ReceivedAttachment(p.index, p.reference, p.attachment,
                    Files.size(content.content()), content.unwrapped(),
                    MagicBytes.detect(head, n, p.attachment.attachmentName()));
            try (InputStream c = Files.newInputStream(content.content())) {
                sink.accept(received, c);
            }
            delivered.add(received);
        }
        return new ReadResult(PackageKind.DOCUMENT, document, null, mapper.signature, findings, delivered);
    }

    private record Prepared(int index, AttachmentMeta reference, AttachmentMeta attachment,
                            PackageTreeBuilder.Payload payload) {
        boolean zipDeclared() {
            return ZIP.equalsIgnoreCase(attachment.contentType())
                    || reference != null && ZIP.equalsIgnoreCase(reference.contentType());
        }
    }

    /** Joins manifest and attachments by ContentId (§6.3) and checks every payload decoded (§6.6 step 5). */
    private static List<Prepared> joinAttachments(DocumentPackage doc, XmlNode encoded, PackageTreeBuilder tree,
                                                  List<Finding> findings) {
        String refPath = "edXMLEnvelope.edXMLBody.edXMLManifest.Reference.ContentId";
        String attPath = "AttachmentEncoded.Attachment";
        Map<String, AttachmentMeta> references = new HashMap<>();
        for (AttachmentMeta r : doc.manifest()) {
            if (r.contentId() == null) {
                findings.add(Finding.missing(Severity.ERROR, refPath, "manifest Reference without ContentId"));
            } else if (references.put(r.contentId(), r) != null) {
                findings.add(Finding.invalid(Severity.ERROR, refPath, "ContentId cid:" + r.contentId()
                        + " appears twice in the manifest"));
            }
        }
        List<XmlNode> nodes = encoded == null ? List.of() : encoded.all("Attachment");
        List<Prepared> prepared = new ArrayList<>();
        Map<String, Boolean> matched = new HashMap<>();
        for (int i = 0; i < doc.attachments().size(); i++) {
            AttachmentMeta a = doc.attachments().get(i);
            String cid = a.contentId();
            if (cid == null) {
                findings.add(Finding.missing(Severity.ERROR, attPath + ".ContentId", "Attachment without ContentId"));
                continue;
            }
            AttachmentMeta ref = references.get(cid);
            if (ref == null) {
                findings.add(Finding.invalid(Severity.ERROR, attPath + ".ContentId", "attachment cid:" + cid
                        + " has no Reference in the manifest"));
            }
            if (matched.put(cid, true) != null) {
                findings.add(Finding.invalid(Severity.ERROR, attPath + ".ContentId", "ContentId cid:" + cid
                        + " appears on two attachments"));
            }
            XmlNode cte = nodes.get(i).first("ContentTransferEncoded");
            if (cte == null) {
                findings.add(Finding.missing(Severity.ERROR, attPath + ".ContentTransferEncoded", "attachment cid:"
                        + cid + " has no ContentTransferEncoded"));
                continue;
            }
            PackageTreeBuilder.Payload payload = tree.payloads.get(cte.payloadIndex);
            if (payload.error != null) {
                findings.add(Finding.format(Severity.ERROR, attPath + ".ContentTransferEncoded", "attachment cid:"
                        + cid + " is not base64 (" + payload.error + ")"));
                continue;
            }
            if (ref != null && ref.attachmentName() != null && a.attachmentName() != null
                    && !ref.attachmentName().equals(a.attachmentName())) {
                findings.add(Finding.invalid(Severity.WARNING, attPath + ".AttachmentName", "attachment cid:" + cid
                        + " is named differently in the manifest"));
            }
            if (ref != null && ref.contentType() != null && a.contentType() != null
                    && !ref.contentType().equalsIgnoreCase(a.contentType())) {
                findings.add(Finding.invalid(Severity.INFO, attPath + ".ContentType", "attachment cid:" + cid
                        + " declares different content types in manifest and attachment; content decides"));
            }
            prepared.add(new Prepared(i, ref, a, payload));
        }
        for (String cid : references.keySet()) {
            if (!matched.containsKey(cid)) {
                findings.add(Finding.invalid(Severity.ERROR, refPath, "manifest Reference cid:" + cid
                        + " has no Attachment"));
            }
        }
        return prepared;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file must not mask the read outcome
                }
            });
        } catch (IOException ignored) {
            // directory already gone
        }
    }
}
