package vn.lienthong.edxml.validate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.id.DocumentId;
import vn.lienthong.edxml.model.AttachmentMeta;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;

/**
 * Validates packages and returns findings with stable codes ({@link Finding}): required fields, best-available
 * lengths (spec §13), code lists (priority 0–4, business type 0–3, status codes), dates, identifiers, business
 * rules of the four business types, the who-may-send rules of status packages, and the state-secret refusal.
 * Stateless and thread-safe.
 */
public final class PackageValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ValidationProfile profile;

    public PackageValidator(ValidationProfile profile) {
        this.profile = profile;
    }

    public static PackageValidator forReceived() {
        return new PackageValidator(ValidationProfile.RECEIVED);
    }

    public static PackageValidator forOutgoing() {
        return new PackageValidator(ValidationProfile.OUTGOING);
    }

    public List<Finding> validate(DocumentPackage pkg) {
        Checks c = new Checks(profile);
        MessageHeader h = pkg.header();
        if (!c.present(h, "MessageHeader", Severity.ERROR)) {
            return c.findings;
        }
        if (c.present(h.from(), "MessageHeader.From", Severity.ERROR)) {
            organization(c, h.from(), "MessageHeader.From");
        }
        if (h.to().isEmpty()) {
            c.findings.add(Finding.missing(Severity.ERROR, "MessageHeader.To", "at least one recipient (To) is "
                    + "required"));
        }
        Set<String> seen = new HashSet<>();
        for (Organization to : h.to()) {
            organization(c, to, "MessageHeader.To");
            if (to.organId() != null && !seen.add(to.organId())) {
                c.findings.add(Finding.invalid(c.profile == ValidationProfile.RECEIVED ? Severity.WARNING
                        : Severity.ERROR, "MessageHeader.To.OrganId", "recipient " + to.organId()
                        + " is listed twice"));
            }
        }
        if (c.present(h.documentId(), "MessageHeader.DocumentId", Severity.ERROR)
                && h.documentId().length() > DocumentId.MAX_LENGTH) {
            c.findings.add(Finding.range(Severity.ERROR, "MessageHeader.DocumentId", "DocumentId longer than "
                    + DocumentId.MAX_LENGTH + " characters"));
        }
        Severity required = c.requiredSeverity();
        if (c.present(h.code(), "MessageHeader.Code", required)) {
            c.present(h.code().codeNumber(), "MessageHeader.Code.CodeNumber", required);
            c.present(h.code().codeNotation(), "MessageHeader.Code.CodeNotation", required);
            c.maxLength(h.code().codeNumber(), 11, "MessageHeader.Code.CodeNumber");
            c.maxLength(h.code().codeNotation(), 30, "MessageHeader.Code.CodeNotation");
        }
        if (c.present(h.promulgationInfo(), "MessageHeader.PromulgationInfo", required)) {
            c.maxLength(h.promulgationInfo().place(), 50, "MessageHeader.PromulgationInfo.Place");
            LocalDate date = h.promulgationInfo().promulgationDate();
            if (c.present(date, "MessageHeader.PromulgationInfo.PromulgationDate", required)
                    && date.isAfter(LocalDate.now(EdxmlConstants.VIETNAM))) {
                c.findings.add(Finding.invalid(required, "MessageHeader.PromulgationInfo.PromulgationDate",
                        "PromulgationDate lies in the future"));
            }
        }
        if (c.present(h.documentType(), "MessageHeader.DocumentType", required)) {
            Integer type = h.documentType().type();
            if (type != null && type != 1 && type != 2) {
                c.findings.add(Finding.invalid(Severity.INFO, "MessageHeader.DocumentType.Type", "Type " + type
                        + " is outside the 1/2 families the old hub accepted; TypeName is authoritative"));
            }
            c.maxLength(h.documentType().typeName(), 100, "MessageHeader.DocumentType.TypeName");
        }
        c.present(h.subject(), "MessageHeader.Subject", required);
        c.maxLength(h.subject(), 500, "MessageHeader.Subject");
        c.maxLength(h.content(), 500, "MessageHeader.Content");
        c.range(h.steeringType(), 0, 3, "MessageHeader.SteeringType", Severity.WARNING);
        otherInfo(c, h.otherInfo());
        for (String place : h.toPlaces()) {
            c.maxLength(place, 150, "MessageHeader.ToPlaces.Place");
        }
        traces(c, pkg);
        business(c, pkg);
        attachments(c, pkg);
        return c.findings;
    }

    private static void organization(Checks c, Organization o, String path) {
        c.organId(o.organId(), path + ".OrganId");
        c.maxLength(o.organName(), 200, path + ".OrganName");
        c.maxLength(o.organAdd(), 500, path + ".OrganAdd");
        c.maxLength(o.organizationInCharge(), 500, path + ".OrganizationInCharge");
        c.maxLength(o.email(), 100, path + ".Email");
        c.maxLength(o.telephone(), 20, path + ".Telephone");
        c.maxLength(o.fax(), 20, path + ".Fax");
        c.maxLength(o.website(), 20, path + ".Website");
        if (o.email() != null && !EMAIL.matcher(o.email()).matches()) {
            c.findings.add(Finding.format(c.limitSeverity(), path + ".Email", "not an e-mail address"));
        }
    }

    private void otherInfo(Checks c, OtherInfo o) {
        if (o == null) {
            return;
        }
        c.range(o.priority(), 0, 4, "MessageHeader.OtherInfo.Priority",
                profile == ValidationProfile.RECEIVED ? Severity.WARNING : Severity.ERROR);
        c.maxLength(o.sphereOfPromulgation(), 100, "MessageHeader.OtherInfo.SphereOfPromulgation");
        c.maxLength(o.typerNotation(), 10, "MessageHeader.OtherInfo.TyperNotation");
        c.range(o.promulgationAmount(), 0, 65535, "MessageHeader.OtherInfo.PromulgationAmount", c.limitSeverity());
        c.range(o.pageAmount(), 0, 65535, "MessageHeader.OtherInfo.PageAmount", c.limitSeverity());
        SecrecyRule.checkSphere(o.sphereOfPromulgation(), "MessageHeader.OtherInfo.SphereOfPromulgation")
                .ifPresent(c.findings::add);
    }

    private void traces(Checks c, DocumentPackage pkg) {
        if (pkg.traceHeaderList() == null || pkg.traceHeaderList().traceHeaders().isEmpty()) {
            c.findings.add(Finding.missing(profile == ValidationProfile.RECEIVED ? Severity.INFO : Severity.ERROR,
                    "TraceHeaderList.TraceHeader", "no TraceHeader: the sender's hop is not recorded"));
            return;
        }
        for (TraceHeader t : pkg.traceHeaderList().traceHeaders()) {
            if (t.organId() == null || "null".equals(t.organId())) {
                c.findings.add(Finding.missing(profile == ValidationProfile.RECEIVED ? Severity.INFO : Severity.ERROR,
                        "TraceHeaderList.TraceHeader.OrganId", "TraceHeader without OrganId"));
            }
            if (t.timestamp() == null) {
                c.findings.add(Finding.missing(c.requiredSeverity(), "TraceHeaderList.TraceHeader.Timestamp",
                        "TraceHeader without Timestamp"));
            }
        }
    }

    private void business(Checks c, DocumentPackage pkg) {
        Bussiness b = pkg.traceHeaderList() == null ? null : pkg.traceHeaderList().bussiness();
        if (b == null) {
            if (profile != ValidationProfile.RECEIVED) {
                c.findings.add(Finding.missing(Severity.ERROR, "TraceHeaderList.Bussiness",
                        "the Bussiness block is required on what we emit"));
            }
            return;
        }
        String path = "TraceHeaderList.Bussiness";
        BusinessType type = b.type();
        if (type == null) {
            return; // the reader already reported the out-of-range value
        }
        Severity required = c.requiredSeverity();
        switch (type) {
            case NEW -> {
                if (b.documentId() != null) {
                    c.findings.add(Finding.invalid(Severity.INFO, path + ".DocumentId",
                            "Bussiness/DocumentId on a new document is ignored"));
                }
            }
            case RECALL -> {
                c.present(b.reason(), path + ".BussinessDocReason", required);
                if (profile != ValidationProfile.RECEIVED) {
                    c.present(b.documentId(), path + ".DocumentId", Severity.ERROR);
                }
            }
            case UPDATE -> {
                c.present(b.documentId(), path + ".DocumentId", required);
                if (b.documentInfos().isEmpty()) {
                    c.findings.add(Finding.missing(Severity.ERROR, path + ".BussinessDocumentInfo",
                            "an update (type 2) needs BussinessDocumentInfo"));
                }
                for (BussinessDocumentInfo info : b.documentInfos()) {
                    for (Receiver r : info.receivers()) {
                        c.organId(r.organId(), path + ".BussinessDocumentInfo.ReceiverList.Receiver.OrganId");
                        c.range(r.receiverType(), 0, 1, path + ".BussinessDocumentInfo.ReceiverList.Receiver"
                                + ".ReceiverType", Severity.ERROR);
                    }
                }
            }
            case REPLACE -> {
                if (b.replacementInfos().isEmpty()) {
                    c.findings.add(Finding.missing(Severity.ERROR, path + ".ReplacementInfoList",
                            "a replacement (type 3) must list the replaced documents"));
                }
                for (ReplacementInfo r : b.replacementInfos()) {
                    c.present(r.documentId(), path + ".ReplacementInfoList.ReplacementInfo.DocumentId",
                            Severity.ERROR);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void attachments(Checks c, DocumentPackage pkg) {
        for (AttachmentMeta a : pkg.attachments()) {
            c.present(a.attachmentName(), "AttachmentEncoded.Attachment.AttachmentName", Severity.ERROR);
            c.maxLength(a.attachmentName(), 255, "AttachmentEncoded.Attachment.AttachmentName");
        }
    }

    /** Validates a status package on its own (no knowledge of the original document). */
    public List<Finding> validate(StatusPackage pkg) {
        return StatusRules.check(new Checks(profile), pkg, null);
    }

    /** Validates a status package including the who-may-send rules, given the original document's facts. */
    public List<Finding> validate(StatusPackage pkg, StatusContext context) {
        return StatusRules.check(new Checks(profile), pkg, context);
    }
}
