package vn.lienthong.edxml.validate;

import java.util.List;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusPackage;

/**
 * Status package rules (spec §7, §8, §9): required fields; 02 needs a reason; 13 only by the original sender;
 * every other code only by a recipient; 15/16 only in answer to an open take-back, recall or update request.
 */
final class StatusRules {

    private StatusRules() {
    }

    static List<Finding> check(Checks c, StatusPackage s, StatusContext ctx) {
        String from = s.from() == null ? null : s.from().organId();
        if (c.present(s.from(), "MessageHeader.From", Severity.ERROR)) {
            c.organId(from, "MessageHeader.From.OrganId");
        }
        String addressee = s.responseFor() == null ? null : s.responseFor().organId();
        if (c.present(s.responseFor(), "MessageHeader.ResponseFor", Severity.ERROR)) {
            c.present(s.responseFor().documentId(), "MessageHeader.ResponseFor.DocumentId", Severity.ERROR);
            c.organId(addressee, "MessageHeader.ResponseFor.OrganId");
        }
        c.present(s.timestamp(), "MessageHeader.Timestamp", c.requiredSeverity());
        c.present(s.staffInfo(), "MessageHeader.StaffInfo", c.profile == ValidationProfile.RECEIVED ? Severity.INFO
                : Severity.WARNING);
        if (!c.present(s.statusCode(), "MessageHeader.StatusCode", Severity.ERROR)) {
            return c.findings;
        }
        if (!s.statusCode().matches("[0-9]{2}")) {
            c.findings.add(Finding.format(Severity.ERROR, "MessageHeader.StatusCode", "StatusCode '"
                    + s.statusCode() + "' is not a two-digit code"));
            return c.findings;
        }
        StatusCode code = s.code();
        if (code == StatusCode.UNKNOWN) {
            c.findings.add(Finding.invalid(Severity.WARNING, "MessageHeader.StatusCode", "unknown status code "
                    + s.statusCode() + ": stored, not acted upon"));
        }
        if (code == StatusCode.REFUSED) {
            c.present(s.description(), "MessageHeader.Description", Severity.ERROR);
        }
        if (code == StatusCode.TAKE_BACK_REQUEST) {
            c.present(s.description(), "MessageHeader.Description", Severity.WARNING);
        }
        if (from != null && from.equals(addressee)) {
            c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.ResponseFor.OrganId",
                    "a status package cannot be addressed to its own sender"));
        }
        if (ctx != null) {
            whoMaySend(c, s, code, from, addressee, ctx);
        }
        return c.findings;
    }

    private static void whoMaySend(Checks c, StatusPackage s, StatusCode code, String from, String addressee,
                                   StatusContext ctx) {
        if (s.responseFor() != null && s.responseFor().documentId() != null
                && !s.responseFor().documentId().equals(ctx.documentId())) {
            c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.ResponseFor.DocumentId",
                    "the status answers another document"));
        }
        if (code == StatusCode.TAKE_BACK_REQUEST) {
            if (!ctx.senderOrganId().equals(from)) {
                c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.From.OrganId",
                        "only the original sender may ask to take a document back (13)"));
            }
            if (addressee != null && !ctx.recipientOrganIds().contains(addressee)) {
                c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.ResponseFor.OrganId",
                        "a take-back request (13) must be addressed to a recipient of the document"));
            }
            return;
        }
        if (from == null || !ctx.recipientOrganIds().contains(from) || from.equals(ctx.senderOrganId())) {
            c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.From.OrganId",
                    "status " + s.statusCode() + " can only come from a recipient of the document"));
        }
        if (addressee != null && !addressee.equals(ctx.senderOrganId())) {
            c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.ResponseFor.OrganId",
                    "status " + s.statusCode() + " must be addressed to the original sender"));
        }
        if ((code == StatusCode.CHANGE_ACCEPTED || code == StatusCode.CHANGE_REFUSED)
                && ctx.openRequests().isEmpty()) {
            c.findings.add(Finding.invalid(Severity.ERROR, "MessageHeader.StatusCode",
                    "status " + s.statusCode() + " only answers a take-back (13), recall (type 1) or update "
                            + "(type 2) request, and none is open"));
        }
    }
}
