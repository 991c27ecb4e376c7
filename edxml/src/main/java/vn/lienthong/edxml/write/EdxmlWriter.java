package vn.lienthong.edxml.write;

import static vn.lienthong.edxml.EdxmlConstants.DATE;
import static vn.lienthong.edxml.EdxmlConstants.QCVN_NS;
import static vn.lienthong.edxml.EdxmlConstants.TIMESTAMP;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.lienthong.edxml.attach.NonClosingOutputStream;
import vn.lienthong.edxml.model.AttachmentMeta;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;

/**
 * Emits packages in exactly the reference layout (spec §2, §16): unprefixed root, {@code edXML:} prefix inside the
 * envelope, reference element order, {@code cid:<uuid>} ids, base64 on one line, attachments streamed. The output
 * is unsigned; sign it with {@code PackageSigner} as the very last step. Thread-safe.
 */
public final class EdxmlWriter {

    private static final String P = "edXML:";
    private static final int STREAM_BUFFER = 64 * 1024;

    private final AttachmentPacking packing;

    public EdxmlWriter() {
        this(AttachmentPacking.defaults());
    }

    public EdxmlWriter(AttachmentPacking packing) {
        this.packing = Objects.requireNonNull(packing);
    }

    /**
     * Writes a document package. The package's own manifest/attachment lists are ignored: both are derived from
     * {@code attachments}, so metadata and content cannot disagree. {@code out} is flushed, not closed.
     */
    public void writeDocument(DocumentPackage pkg, List<AttachmentSource> attachments, OutputStream out)
            throws IOException {
        writeDocumentDescribed(pkg, attachments, out);
    }

    /** As {@link #writeDocument} and returns the metadata written (content ids, wire content types). */
    public List<AttachmentMeta> writeDocumentDescribed(DocumentPackage pkg, List<AttachmentSource> attachments,
                                                       OutputStream out) throws IOException {
        Objects.requireNonNull(pkg.header(), "message header");
        List<AttachmentMeta> metas = new ArrayList<>();
        for (AttachmentSource a : attachments) {
            String id = a.contentId() != null ? a.contentId() : UUID.randomUUID().toString();
            String type = packing.sendsRaw(a.name()) && a.contentType() != null
                    ? a.contentType() : packing.wireContentType(a.name());
            metas.add(new AttachmentMeta(id, a.name(), a.description(), type));
        }
        BufferedOutputStream buffered = new BufferedOutputStream(new NonClosingOutputStream(out), STREAM_BUFFER);
        XmlTextWriter w = new XmlTextWriter(buffered);
        openEnvelope(w);
        w.start(2, P + "edXMLHeader");
        writeMessageHeader(w, pkg.header());
        writeTraceHeaderList(w, pkg.traceHeaderList());
        w.end(2, P + "edXMLHeader");
        w.start(2, P + "edXMLBody");
        w.indent(3);
        w.raw("<" + P + "edXMLManifest version=\"1.0\">");
        for (AttachmentMeta m : metas) {
            w.start(4, P + "Reference");
            w.leaf(5, P + "ContentId", "cid:" + m.contentId());
            w.leaf(5, P + "ContentType", m.contentType());
            w.leaf(5, P + "Description", m.description());
            w.leaf(5, P + "AttachmentName", m.attachmentName());
            w.end(4, P + "Reference");
        }
        w.end(3, P + "edXMLManifest");
        w.end(2, P + "edXMLBody");
        w.end(1, P + "edXMLEnvelope");
        if (!metas.isEmpty()) {
            w.start(1, "AttachmentEncoded");
            for (int i = 0; i < metas.size(); i++) {
                writeAttachment(w, buffered, metas.get(i), attachments.get(i));
            }
            w.end(1, "AttachmentEncoded");
        }
        w.raw("\n</edXML>\n");
        buffered.flush();
        return List.copyOf(metas);
    }

    /** Writes a status package (spec §7.1). {@code out} is flushed, not closed. */
    public void writeStatus(StatusPackage pkg, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(new NonClosingOutputStream(out), 8192);
        XmlTextWriter w = new XmlTextWriter(buffered);
        openEnvelope(w);
        w.start(2, P + "edXMLHeader");
        w.start(3, P + "MessageHeader");
        writeOrganization(w, 4, "From", pkg.from());
        writeResponseFor(w, 4, pkg.responseFor());
        writeStaffInfo(w, 4, pkg.staffInfo());
        w.leaf(4, P + "StatusCode", StatusCode.normalise(pkg.statusCode()));
        w.leaf(4, P + "Description", pkg.description());
        w.leaf(4, P + "Timestamp", timestamp(pkg.timestamp()));
        w.end(3, P + "MessageHeader");
        w.end(2, P + "edXMLHeader");
        w.end(1, P + "edXMLEnvelope");
        w.raw("\n</edXML>\n");
        buffered.flush();
    }

    private static void openEnvelope(XmlTextWriter w) throws IOException {
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.raw("<edXML xmlns=\"" + QCVN_NS + "\">");
        w.indent(1);
        w.raw("<" + P + "edXMLEnvelope xmlns:edXML=\"" + QCVN_NS + "\">");
    }

    private void writeAttachment(XmlTextWriter w, BufferedOutputStream out, AttachmentMeta meta,
                                 AttachmentSource source) throws IOException {
        w.start(2, "Attachment");
        w.leaf(3, "ContentId", "cid:" + meta.contentId());
        w.leaf(3, "AttachmentName", meta.attachmentName());
        w.leaf(3, "Description", meta.description());
        w.leaf(3, "ContentType", meta.contentType());
        w.indent(3);
        w.raw("<" + P + "ContentTransferEncoded xmlns:edXML=\"" + QCVN_NS + "\">");
        // The basic (non-MIME) encoder writes one line, as every reference package does.
        try (OutputStream base64 = java.util.Base64.getEncoder().wrap(new NonClosingOutputStream(out));
             InputStream content = source.content().open()) {
            if (packing.sendsRaw(meta.attachmentName())) {
                content.transferTo(base64);
            } else {
                zipSingleEntry(meta.attachmentName(), content, base64);
            }
        }
        w.raw("</" + P + "ContentTransferEncoded>");
        w.end(2, "Attachment");
    }

    /** The reference wrapper zip: one entry named {@code <uuid>.<ext>}, never the sender's file name. */
    private static void zipSingleEntry(String fileName, InputStream content, OutputStream target) throws IOException {
        String ext = AttachmentPacking.extensionOf(fileName);
        String entryName = UUID.randomUUID() + (ext.isEmpty() ? "" : "." + ext);
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(target))) {
            zip.putNextEntry(new ZipEntry(entryName));
            content.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void writeMessageHeader(XmlTextWriter w, MessageHeader h) throws IOException {
        w.start(3, P + "MessageHeader");
        writeOrganization(w, 4, "From", h.from());
        for (Organization to : h.to()) {
            writeOrganization(w, 4, "To", to);
        }
        w.leaf(4, P + "DocumentId", h.documentId());
        if (h.code() != null) {
            w.start(4, P + "Code");
            w.leaf(5, P + "CodeNumber", h.code().codeNumber());
            w.leaf(5, P + "CodeNotation", h.code().codeNotation());
            w.end(4, P + "Code");
        }
        if (h.promulgationInfo() != null) {
            w.start(4, P + "PromulgationInfo");
            w.leaf(5, P + "Place", h.promulgationInfo().place());
            w.leaf(5, P + "PromulgationDate", date(h.promulgationInfo().promulgationDate()));
            w.end(4, P + "PromulgationInfo");
        }
        if (h.documentType() != null) {
            w.start(4, P + "DocumentType");
            w.leaf(5, P + "Type", h.documentType().type());
            w.leaf(5, P + "TypeDetail", h.documentType().typeDetail());
            w.leaf(5, P + "TypeName", h.documentType().typeName());
            w.end(4, P + "DocumentType");
        }
        w.leaf(4, P + "Subject", h.subject());
        w.leaf(4, P + "Content", h.content());
        if (h.signerInfo() != null) {
            w.start(4, P + "SignerInfo");
            w.leaf(5, P + "Competence", h.signerInfo().competence());
            w.leaf(5, P + "Position", h.signerInfo().position());
            w.leaf(5, P + "FullName", h.signerInfo().fullName());
            w.end(4, P + "SignerInfo");
        }
        w.leaf(4, P + "DueDate", date(h.dueDate()));
        writeOtherInfo(w, h.otherInfo());
        for (ResponseFor r : h.responseFor()) {
            writeResponseFor(w, 4, r);
        }
        w.leaf(4, P + "SteeringType", h.steeringType());
        if (!h.responseForTask().isEmpty()) {
            w.start(4, P + "ResponseForTask");
            for (String task : h.responseForTask()) {
                w.leaf(5, P + "TaskCode", task);
            }
            w.end(4, P + "ResponseForTask");
        }
        w.leaf(4, P + "ApplicationType", h.applicationType());
        if (!h.toPlaces().isEmpty()) {
            w.start(4, P + "ToPlaces");
            for (String place : h.toPlaces()) {
                w.leaf(5, P + "Place", place);
            }
            w.end(4, P + "ToPlaces");
        }
        w.end(3, P + "MessageHeader");
    }

    private static void writeOtherInfo(XmlTextWriter w, OtherInfo o) throws IOException {
        if (o == null) {
            return;
        }
        w.start(4, P + "OtherInfo");
        w.leaf(5, P + "Priority", o.priority());
        w.leaf(5, P + "SphereOfPromulgation", o.sphereOfPromulgation());
        w.leaf(5, P + "TyperNotation", o.typerNotation());
        w.leaf(5, P + "PromulgationAmount", o.promulgationAmount());
        w.leaf(5, P + "PageAmount", o.pageAmount());
        w.leaf(5, P + "Direction", o.direction() == null ? null : o.direction().toString());
        if (!o.appendixes().isEmpty()) {
            w.start(5, P + "Appendixes");
            for (String appendix : o.appendixes()) {
                w.leaf(6, P + "Appendix", appendix);
            }
            w.end(5, P + "Appendixes");
        }
        w.end(4, P + "OtherInfo");
    }

    private static void writeOrganization(XmlTextWriter w, int depth, String name, Organization o)
            throws IOException {
        if (o == null) {
            return;
        }
        w.start(depth, P + name);
        w.leaf(depth + 1, P + "OrganId", o.organId());
        w.leaf(depth + 1, P + "OrganizationInCharge", o.organizationInCharge());
        w.leaf(depth + 1, P + "OrganName", o.organName());
        w.leaf(depth + 1, P + "OrganAdd", o.organAdd());
        w.leaf(depth + 1, P + "Email", o.email());
        w.leaf(depth + 1, P + "Telephone", o.telephone());
        w.leaf(depth + 1, P + "Fax", o.fax());
        w.leaf(depth + 1, P + "Website", o.website());
        w.end(depth, P + name);
    }

    private static void writeResponseFor(XmlTextWriter w, int depth, ResponseFor r) throws IOException {
        if (r == null || r.isEmpty()) {
            return;
        }
        w.start(depth, P + "ResponseFor");
        w.leaf(depth + 1, P + "OrganId", r.organId());
        w.leaf(depth + 1, P + "Code", r.code());
        w.leaf(depth + 1, P + "DocumentId", r.documentId());
        w.leaf(depth + 1, P + "PromulgationDate", date(r.promulgationDate()));
        w.end(depth, P + "ResponseFor");
    }

    private static void writeStaffInfo(XmlTextWriter w, int depth, StaffInfo s) throws IOException {
        if (s == null) {
            return;
        }
        w.start(depth, P + "StaffInfo");
        w.leaf(depth + 1, P + "Department", s.department());
        w.leaf(depth + 1, P + "DepartmentId", s.departmentId());
        w.leaf(depth + 1, P + "Staff", s.staff());
        w.leaf(depth + 1, P + "StaffId", s.staffId());
        w.leaf(depth + 1, P + "Email", s.email());
        w.leaf(depth + 1, P + "Mobile", s.mobile());
        w.end(depth, P + "StaffInfo");
    }

    private static void writeTraceHeaderList(XmlTextWriter w, TraceHeaderList list) throws IOException {
        if (list == null) {
            return;
        }
        w.start(3, P + "TraceHeaderList");
        // Library order (spec §4.1 [P]): the business block first, then the hops.
        writeBussiness(w, list.bussiness());
        for (TraceHeader t : list.traceHeaders()) {
            w.start(4, P + "TraceHeader");
            w.leaf(5, P + "OrganId", t.organId());
            w.leaf(5, P + "Timestamp", timestamp(t.timestamp()));
            w.end(4, P + "TraceHeader");
        }
        w.end(3, P + "TraceHeaderList");
    }

    private static void writeBussiness(XmlTextWriter w, Bussiness b) throws IOException {
        if (b == null) {
            return;
        }
        w.start(4, P + "Bussiness");
        w.leaf(5, P + "DocumentId", b.documentId());
        w.leaf(5, P + "BussinessDocType", b.type() == null ? null : b.type().code());
        w.leaf(5, P + "BussinessDocReason", b.reason());
        // [P] emit Paper 0 unless a value was received and is being reproduced.
        w.leaf(5, P + "Paper", b.paper() == null ? Integer.valueOf(0) : b.paper());
        for (BussinessDocumentInfo info : b.documentInfos()) {
            w.start(5, P + "BussinessDocumentInfo");
            w.leaf(6, P + "DocumentInfo", info.documentInfo());
            w.leaf(6, P + "DocumentReceiver", info.documentReceiver());
            if (!info.receivers().isEmpty()) {
                w.start(6, P + "ReceiverList");
                for (Receiver r : info.receivers()) {
                    w.start(7, P + "Receiver");
                    w.leaf(8, P + "OrganId", r.organId());
                    w.leaf(8, P + "ReceiverType", r.receiverType());
                    w.end(7, P + "Receiver");
                }
                w.end(6, P + "ReceiverList");
            }
            w.end(5, P + "BussinessDocumentInfo");
        }
        if (!b.replacementInfos().isEmpty()) {
            w.start(5, P + "ReplacementInfoList");
            for (ReplacementInfo r : b.replacementInfos()) {
                w.start(6, P + "ReplacementInfo");
                w.leaf(7, P + "DocumentId", r.documentId());
                w.start(7, P + "OrganIdList");
                for (String organId : r.organIds()) {
                    w.leaf(8, P + "OrganId", organId);
                }
                w.end(7, P + "OrganIdList");
                w.end(6, P + "ReplacementInfo");
            }
            w.end(5, P + "ReplacementInfoList");
        }
        for (StaffInfo s : b.staffInfos()) {
            writeStaffInfo(w, 5, s);
        }
        w.end(4, P + "Bussiness");
    }

    private static String date(LocalDate d) {
        return d == null ? null : DATE.format(d);
    }

    private static String timestamp(LocalDateTime t) {
        return t == null ? null : TIMESTAMP.format(t);
    }
}
