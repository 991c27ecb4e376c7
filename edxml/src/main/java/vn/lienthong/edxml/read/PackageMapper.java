package vn.lienthong.edxml.read;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.model.AttachmentMeta;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.validate.Finding;
import vn.lienthong.edxml.validate.SecrecyRule;
import vn.lienthong.edxml.validate.Severity;

/**
 * Maps the element tree to the model, order-free and by local name, recording every deviation as a finding
 * (spec §15). Unknown elements are ignored with a note, except directly under the package containers, where an
 * unknown element would hide content we would silently drop (spec §15.2): those are errors.
 */
final class PackageMapper {

    private static final Set<String> ORGANIZATION = Set.of("OrganId", "OrganizationInCharge", "OrganName",
            "OrganAdd", "Email", "Telephone", "Fax", "Website");
    private static final Set<String> DOCUMENT_HEADER = Set.of("From", "To", "DocumentId", "Code",
            "PromulgationInfo", "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "OtherInfo",
            "ResponseFor", "SteeringType", "ResponseForTask", "ApplicationType", "ToPlaces");
    private static final Set<String> STATUS_HEADER = Set.of("From", "ResponseFor", "StaffInfo", "StatusCode",
            "Description", "Timestamp");
    private static final Set<String> OTHER_INFO = Set.of("Priority", "SphereOfPromulgation", "TyperNotation",
            "PromulgationAmount", "PageAmount", "ReplyFors", "Direction", "ReferenceCodes", "Appendixes");
    private static final Set<String> BUSSINESS = Set.of("DocumentId", "BussinessDocType", "BusinessDocType",
            "BussinessDocReason", "BusinessDocReason", "Paper", "BussinessDocumentInfo", "BusinessDocumentInfo",
            "ReplacementInfoList", "StaffInfo");
    private static final Set<String> STAFF = Set.of("Department", "DepartmentId", "Staff", "StaffId", "Email",
            "Mobile");
    private static final Set<String> ATTACHMENT = Set.of("ContentId", "AttachmentName", "Description", "FieldName",
            "MimeType", "ContentType", "ContentTransferEncoded");

    final List<Finding> findings = new ArrayList<>();
    PackageKind kind;
    SignaturePresence signature = SignaturePresence.ABSENT;
    XmlNode attachmentEncoded;

    /** Returns the mapped package (DocumentPackage or StatusPackage) or null after structural errors. */
    Object map(XmlNode root, int xmlSignatures) {
        if (!"edXML".equals(root.localName) || !EdxmlConstants.QCVN_NS.equals(root.namespace)) {
            note(Finding.invalid(Severity.ERROR, "edXML", "root element is '" + root.localName + "' in namespace '"
                    + root.namespace + "', not edXML in " + EdxmlConstants.QCVN_NS));
            return null;
        }
        containerChildren(root, Set.of("edXMLEnvelope", "AttachmentEncoded"));
        XmlNode envelope = required(root, "edXMLEnvelope");
        if (envelope == null) {
            return null;
        }
        containerChildren(envelope, Set.of("edXMLHeader", "edXMLBody"));
        XmlNode header = required(envelope, "edXMLHeader");
        if (header == null) {
            return null;
        }
        XmlNode signatureNode = header.first("Signature", "DigitalSignature");
        if (xmlSignatures > 0) {
            signature = SignaturePresence.XMLDSIG;
        } else if (signatureNode != null) {
            signature = SignaturePresence.PLACEHOLDER;
            note(Finding.invalid(Severity.INFO, "Signature", "placeholder signature (not in the XMLDSig "
                    + "namespace): the package is unsigned and kept for reference only"));
        } else {
            note(Finding.missing(Severity.INFO, "Signature", "no signature: the package is unsigned and kept for "
                    + "reference only"));
        }
        unknownChildren(header, Set.of("MessageHeader", "TraceHeaderList", "Signature", "DigitalSignature"),
                Severity.WARNING);
        XmlNode mh = required(header, "MessageHeader");
        if (mh == null) {
            return null;
        }
        if (mh.first("StatusCode") != null) {
            kind = PackageKind.STATUS;
            unknownChildren(mh, STATUS_HEADER, Severity.INFO);
            if (envelope.first("edXMLBody") != null || root.first("AttachmentEncoded") != null) {
                note(Finding.invalid(Severity.WARNING, "edXMLBody", "status package with a body or attachments: "
                        + "ignored"));
            }
            return status(mh);
        }
        kind = PackageKind.DOCUMENT;
        unknownChildren(mh, DOCUMENT_HEADER, Severity.INFO);
        MessageHeader messageHeader = documentHeader(mh);
        TraceHeaderList traces = traceHeaderList(header.first("TraceHeaderList"));
        XmlNode body = envelope.first("edXMLBody");
        List<AttachmentMeta> manifest = new ArrayList<>();
        if (body != null) {
            containerChildren(body, Set.of("edXMLManifest"));
            XmlNode m = body.first("edXMLManifest");
            if (m != null) {
                unknownChildren(m, Set.of("Reference"), Severity.INFO);
                for (XmlNode ref : m.all("Reference")) {
                    unknownChildren(ref, Set.of("ContentId", "ContentType", "Description", "AttachmentName"),
                            Severity.INFO);
                    manifest.add(meta(ref));
                }
            }
        }
        attachmentEncoded = root.first("AttachmentEncoded");
        List<AttachmentMeta> attachments = new ArrayList<>();
        if (attachmentEncoded != null) {
            unknownChildren(attachmentEncoded, Set.of("Attachment"), Severity.ERROR);
            for (XmlNode a : attachmentEncoded.all("Attachment")) {
                unknownChildren(a, ATTACHMENT, Severity.INFO);
                attachments.add(meta(a));
            }
        }
        return new DocumentPackage(messageHeader, traces, manifest, attachments);
    }

    private MessageHeader documentHeader(XmlNode mh) {
        List<XmlNode> froms = mh.all("From");
        if (froms.size() > 1) {
            note(Finding.invalid(Severity.WARNING, "MessageHeader.From", "several From elements; the first is used"));
        }
        List<Organization> to = new ArrayList<>();
        for (XmlNode t : mh.all("To")) {
            to.add(organization(t));
        }
        XmlNode code = mh.first("Code");
        XmlNode prom = mh.first("PromulgationInfo");
        XmlNode type = mh.first("DocumentType");
        XmlNode signer = mh.first("SignerInfo");
        List<ResponseFor> responseFor = new ArrayList<>();
        for (XmlNode r : mh.all("ResponseFor")) {
            ResponseFor rf = responseFor(r);
            if (rf.isEmpty()) {
                note(Finding.missing(Severity.INFO, r.path(), "empty ResponseFor read as no ResponseFor"));
            } else {
                responseFor.add(rf);
            }
        }
        List<String> tasks = new ArrayList<>();
        XmlNode task = mh.first("ResponseForTask");
        if (task != null) {
            task.all("TaskCode").forEach(t -> addIfPresent(tasks, t.value()));
        }
        List<String> places = new ArrayList<>();
        XmlNode toPlaces = mh.first("ToPlaces");
        if (toPlaces != null) {
            toPlaces.all("Place").forEach(p -> addIfPresent(places, p.value()));
        }
        return new MessageHeader(froms.isEmpty() ? null : organization(froms.get(0)), to,
                text(mh, "DocumentId"),
                code == null ? null : new DocumentCode(text(code, "CodeNumber"), text(code, "CodeNotation")),
                prom == null ? null : new PromulgationInfo(text(prom, "Place"), date(prom, "PromulgationDate")),
                type == null ? null : new DocumentType(integer(type, "Type"), integer(type, "TypeDetail"),
                        text(type, "TypeName")),
                text(mh, "Subject"), text(mh, "Content"),
                signer == null ? null : new SignerInfo(text(signer, "Competence"), text(signer, "Position"),
                        text(signer, "FullName")),
                date(mh, "DueDate"), otherInfo(mh.first("OtherInfo")), responseFor, integer(mh, "SteeringType"),
                tasks, text(mh, "ApplicationType"), places);
    }

    private OtherInfo otherInfo(XmlNode o) {
        if (o == null) {
            return null;
        }
        // The 512 dialect's OtherInfo/Secret (and look-alikes) mark confidentiality: checked before ignoring them.
        for (XmlNode c : o.children) {
            SecrecyRule.checkMarkerElement(c.localName, c.value(), c.path()).ifPresent(findings::add);
        }
        unknownChildren(o, OTHER_INFO, Severity.INFO);
        List<String> appendixes = new ArrayList<>();
        XmlNode a = o.first("Appendixes");
        if (a != null) {
            a.all("Appendix").forEach(x -> addIfPresent(appendixes, x.value()));
        }
        String direction = text(o, "Direction");
        Boolean dir = null;
        if (direction != null) {
            if ("true".equalsIgnoreCase(direction) || "false".equalsIgnoreCase(direction)) {
                dir = Boolean.valueOf(direction.toLowerCase());
            } else {
                note(Finding.format(Severity.WARNING, o.childPath("Direction"), "Direction is not true/false"));
            }
        }
        return new OtherInfo(integer(o, "Priority"), text(o, "SphereOfPromulgation"), text(o, "TyperNotation"),
                integer(o, "PromulgationAmount"), integer(o, "PageAmount"), dir, appendixes);
    }

    private TraceHeaderList traceHeaderList(XmlNode list) {
        if (list == null) {
            return null;
        }
        unknownChildren(list, Set.of("Bussiness", "Business", "TraceHeader", "Paper"), Severity.INFO);
        List<XmlNode> blocks = list.all("Bussiness", "Business");
        if (blocks.size() > 1) {
            note(Finding.invalid(Severity.WARNING, list.childPath("Bussiness"),
                    "several Bussiness blocks; the first is used"));
        }
        List<TraceHeader> traces = new ArrayList<>();
        for (XmlNode t : list.all("TraceHeader")) {
            unknownChildren(t, Set.of("OrganId", "Timestamp"), Severity.INFO);
            traces.add(new TraceHeader(text(t, "OrganId"), timestamp(t, "Timestamp")));
        }
        return new TraceHeaderList(blocks.isEmpty() ? null : bussiness(blocks.get(0)), traces);
    }

    private Bussiness bussiness(XmlNode b) {
        unknownChildren(b, BUSSINESS, Severity.INFO);
        BusinessType type = null;
        XmlNode typeNode = b.first("BussinessDocType", "BusinessDocType");
        Integer raw = typeNode == null ? null : integer(b, typeNode.localName);
        if (raw != null) {
            type = BusinessType.of(raw).orElse(null);
            if (type == null) {
                note(Finding.range(Severity.ERROR, typeNode.path(), "business type " + raw + " is not 0–3"));
            }
        } else if (typeNode == null) {
            note(Finding.missing(Severity.WARNING, b.childPath("BussinessDocType"),
                    "Bussiness without BussinessDocType read as a new document (0)"));
            type = BusinessType.NEW;
        }
        List<BussinessDocumentInfo> infos = new ArrayList<>();
        for (XmlNode i : b.all("BussinessDocumentInfo", "BusinessDocumentInfo")) {
            List<Receiver> receivers = new ArrayList<>();
            XmlNode list = i.first("ReceiverList");
            if (list != null) {
                for (XmlNode r : list.all("Receiver")) {
                    receivers.add(new Receiver(text(r, "OrganId"), integer(r, "ReceiverType")));
                }
            }
            infos.add(new BussinessDocumentInfo(integer(i, "DocumentInfo"), integer(i, "DocumentReceiver"),
                    receivers));
        }
        Set<ReplacementInfo> replacements = new LinkedHashSet<>();
        int replacementCount = 0;
        for (XmlNode list : b.all("ReplacementInfoList")) {
            for (XmlNode r : list.all("ReplacementInfo")) {
                List<String> organs = new ArrayList<>();
                XmlNode ids = r.first("OrganIdList");
                if (ids != null) {
                    ids.all("OrganId").forEach(o -> addIfPresent(organs, o.value()));
                }
                replacements.add(new ReplacementInfo(text(r, "DocumentId"), organs));
                replacementCount++;
            }
        }
        if (replacements.size() < replacementCount) {
            note(Finding.invalid(Severity.INFO, b.childPath("ReplacementInfoList"),
                    "duplicate ReplacementInfo entries removed"));
        }
        List<StaffInfo> staff = new ArrayList<>();
        for (XmlNode s : b.all("StaffInfo")) {
            staff.add(staffInfo(s));
        }
        return new Bussiness(text(b, "DocumentId"), type, text(b, "BussinessDocReason", "BusinessDocReason"),
                integer(b, "Paper"), infos, List.copyOf(replacements), staff);
    }

    private StatusPackage status(XmlNode mh) {
        XmlNode from = mh.first("From");
        XmlNode rf = mh.first("ResponseFor");
        XmlNode staff = mh.first("StaffInfo");
        ResponseFor responseFor = rf == null ? null : responseFor(rf);
        return new StatusPackage(from == null ? null : organization(from),
                responseFor == null || responseFor.isEmpty() ? null : responseFor,
                staff == null ? null : staffInfo(staff), StatusCode.normalise(text(mh, "StatusCode")),
                text(mh, "Description"), timestamp(mh, "Timestamp"));
    }

    private Organization organization(XmlNode o) {
        unknownChildren(o, ORGANIZATION, Severity.INFO);
        return new Organization(text(o, "OrganId"), text(o, "OrganizationInCharge"), text(o, "OrganName"),
                text(o, "OrganAdd"), text(o, "Email"), text(o, "Telephone"), text(o, "Fax"), text(o, "Website"));
    }

    private ResponseFor responseFor(XmlNode r) {
        unknownChildren(r, Set.of("OrganId", "Code", "DocumentId", "PromulgationDate"), Severity.INFO);
        return new ResponseFor(text(r, "OrganId"), text(r, "Code"), text(r, "DocumentId"),
                date(r, "PromulgationDate"));
    }

    private StaffInfo staffInfo(XmlNode s) {
        unknownChildren(s, STAFF, Severity.INFO);
        return new StaffInfo(text(s, "Department"), text(s, "DepartmentId"), text(s, "Staff"), text(s, "StaffId"),
                text(s, "Email"), text(s, "Mobile"));
    }

    private AttachmentMeta meta(XmlNode n) {
        return new AttachmentMeta(contentId(text(n, "ContentId")), text(n, "AttachmentName"),
                text(n, "Description"), text(n, "ContentType"));
    }

    /** ContentIds are compared without a leading {@code cid:}, case-insensitively for the prefix (§6.3). */
    static String contentId(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.regionMatches(true, 0, "cid:", 0, 4) ? v.substring(4).strip() : v;
    }

    private XmlNode required(XmlNode parent, String name) {
        XmlNode n = parent.first(name);
        if (n == null) {
            note(Finding.missing(Severity.ERROR, parent.childPath(name).replaceFirst("^edXML\\.", ""),
                    name + " is missing"));
        }
        return n;
    }

    private void containerChildren(XmlNode container, Set<String> allowed) {
        unknownChildren(container, allowed, Severity.ERROR);
    }

    private void unknownChildren(XmlNode parent, Set<String> allowed, Severity severity) {
        for (XmlNode c : parent.children) {
            if (!allowed.contains(c.localName)) {
                String message = severity == Severity.ERROR
                        ? "unsupported element " + c.localName + " (line " + c.line + "): not QCVN 102; accepting it "
                                + "would silently drop its content"
                        : "unknown element " + c.localName + " (line " + c.line + ") ignored";
                note(Finding.invalid(severity, c.path(), message));
            }
        }
    }

    private String text(XmlNode parent, String... names) {
        XmlNode n = parent.first(names);
        return n == null ? null : n.value();
    }

    private Integer integer(XmlNode parent, String name) {
        XmlNode n = parent.first(name);
        String v = n == null ? null : n.value();
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            note(Finding.format(Severity.ERROR, n.path(), name + " is not an integer"));
            return null;
        }
    }

    private LocalDate date(XmlNode parent, String name) {
        XmlNode n = parent.first(name);
        String v = n == null ? null : n.value();
        if (v == null) {
            return null;
        }
        try {
            return EdxmlDates.parseDate(v);
        } catch (DateTimeParseException e) {
            note(Finding.format(Severity.ERROR, n.path(), name + " '" + v + "' is not a valid date (yyyy/MM/dd)"));
            return null;
        }
    }

    private LocalDateTime timestamp(XmlNode parent, String name) {
        XmlNode n = parent.first(name);
        String v = n == null ? null : n.value();
        if (v == null) {
            return null;
        }
        try {
            return EdxmlDates.parseTimestamp(v);
        } catch (DateTimeParseException e) {
            note(Finding.format(Severity.ERROR, n.path(), name + " '" + v
                    + "' is not a valid timestamp (yyyy/MM/dd HH:mm:ss)"));
            return null;
        }
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private void note(Finding f) {
        findings.add(f);
    }
}
