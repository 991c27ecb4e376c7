package vn.lienthong.adapter.packaging.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.SigningCredentials;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * Turns an accepted submission into a signed QCVN 102 document package on disk: reference layout, our own
 * TraceHeader, attachments streamed from their stored files, and a real enveloped XML signature by the adapter's
 * key, applied last.
 */
@ApplicationScoped
public class PackageBuilder {

    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;

    /** The signed package: where it is (relative to the data folder) and its SHA-256, kept as evidence. */
    public record BuiltPackage(String relativePath, String sha256) {
    }

    /** A stored attachment file to be packed. */
    public record PackedFile(Path file, String name, String description, String contentType) {
    }

    public BuiltPackage build(String key, String documentId, Submission s, List<PackedFile> files)
            throws IOException {
        DocumentPackage pkg = new DocumentPackage(header(documentId, s), new TraceHeaderList(business(s),
                List.of(new TraceHeader(s.fromOrganId(), LocalDateTime.now(VietnamTime.ZONE).withNano(0)))));
        return buildDocument(key, pkg, files);
    }

    /** The Bussiness block: new document, update (what changed, recipients added/removed) or replacement. */
    private static Bussiness business(Submission s) {
        var c = s.change();
        if (c == null) {
            return Bussiness.newDocument("Văn bản điện tử mới", null);
        }
        if (c.type() == BusinessType.UPDATE.code()) {
            var receivers = c.receiverChanges().stream()
                    .map(r -> new Receiver(r.organId(), r.added() ? 1 : 0)).toList();
            var info = new BussinessDocumentInfo(c.contentChanged() ? 1 : 0, receivers.isEmpty() ? 0 : 1, receivers);
            return new Bussiness(c.targetDocumentId(), BusinessType.UPDATE,
                    c.reason() == null ? "Cập nhật văn bản điện tử" : c.reason(), 0, List.of(info), List.of(),
                    List.of());
        }
        var replaced = c.replaces().stream().map(r -> new ReplacementInfo(r.documentId(), r.organIds())).toList();
        return new Bussiness(null, BusinessType.REPLACE, c.reason() == null ? "Văn bản thay thế" : c.reason(), 0,
                List.of(), replaced, List.of());
    }

    /** Writes and signs any document package (new, recall, update, replace) with the given attachment files. */
    public BuiltPackage buildDocument(String key, DocumentPackage pkg, List<PackedFile> files) throws IOException {
        List<AttachmentSource> sources = new ArrayList<>();
        for (PackedFile f : files) {
            Path file = f.file();
            sources.add(new AttachmentSource(f.name(), f.description() == null ? f.name() : f.description(),
                    f.contentType(), () -> Files.newInputStream(file)));
        }
        return writeAndSign(key, out -> new EdxmlWriter().writeDocument(pkg, sources, out));
    }

    /** Writes and signs a status package (spec §7), signed like document packages. */
    public BuiltPackage buildStatus(String key, StatusPackage status) throws IOException {
        return writeAndSign(key, out -> new EdxmlWriter().writeStatus(status, out));
    }

    private interface PackageWriting {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a package to a temporary file, signs it last (enveloped signature over the final bytes) into
     * {@code packages/<key>.edxml}, and moves it into place atomically: a crash never leaves half a package.
     */
    private BuiltPackage writeAndSign(String key, PackageWriting writing) throws IOException {
        Path dir = settings.packagesDir();
        Files.createDirectories(dir);
        Path unsigned = Files.createTempFile(dir, key, ".unsigned");
        Path signed = dir.resolve(key + ".edxml");
        try {
            try (OutputStream out = Files.newOutputStream(unsigned)) {
                writing.writeTo(out);
            }
            Path signing = Files.createTempFile(dir, key, ".signing");
            new PackageSigner(credentials(), SignatureAlgorithm.DEFAULT).sign(unsigned, signing);
            Files.move(signing, signed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(unsigned);
        }
        return new BuiltPackage(settings.dataDir().relativize(signed).toString(), Sha256.of(signed));
    }

    private static MessageHeader header(String documentId, Submission s) {
        List<Organization> to = s.recipients().stream()
                .map(r -> Organization.of(r.organId(), r.organName())).toList();
        return new MessageHeader(
                Organization.of(s.fromOrganId(), s.fromOrganName()), to, documentId,
                new DocumentCode(s.codeNumber(), s.codeNotation()),
                new PromulgationInfo(s.promulgationPlace(), s.promulgationDate()),
                new DocumentType(s.documentType() == null ? 1 : s.documentType(), null, s.documentTypeName()),
                s.subject(), s.content(),
                new SignerInfo(s.signerCompetence(), s.signerPosition(), s.signerFullName()),
                s.dueDate(),
                new OtherInfo(s.priority() == null ? 0 : s.priority(), s.sphereOfPromulgation(), null, null, null,
                        Boolean.FALSE, List.of()),
                List.of(), 0, List.of(), null, List.of());
    }

    private SigningCredentials credentials() {
        return new SigningCredentials(keys.signingKey(), keys.signingChain());
    }

}
