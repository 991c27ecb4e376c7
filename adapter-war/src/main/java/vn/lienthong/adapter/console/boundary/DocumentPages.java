package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;
import static vn.lienthong.adapter.console.boundary.Html.time;

import java.util.List;

import vn.lienthong.adapter.console.control.ConsoleActions;
import vn.lienthong.adapter.console.control.ConsoleQueries;
import vn.lienthong.adapter.directory.entity.Organisation;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentDetails;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;

/** Document search, a document's page, outbox, inbox and the agency directory. */
final class DocumentPages {

    private DocumentPages() {
    }

    static String search(View v, ConsoleQueries.Criteria c, ConsoleQueries.Page<Document> page, String query) {
        StringBuilder b = new StringBuilder();
        b.append("<form method=\"get\" class=\"search\" id=\"search\" action=\"").append(esc(v.base))
                .append("/documents\">");
        field(b, v, "number", "search.number", c.number());
        field(b, v, "subject", "search.subject", c.subject());
        field(b, v, "organ", "search.organ", c.organId());
        b.append("<label>").append(v.t("search.from")).append("<input type=\"date\" name=\"from\" value=\"")
                .append(c.from() == null ? "" : c.from()).append("\"></label>");
        b.append("<label>").append(v.t("search.to")).append("<input type=\"date\" name=\"to\" value=\"")
                .append(c.to() == null ? "" : c.to()).append("\"></label>");
        b.append("<label>").append(v.t("search.state")).append("<select name=\"state\"><option value=\"\"></option>");
        for (DocumentState s : DocumentState.values()) {
            b.append("<option value=\"").append(s).append("\"").append(s == c.state() ? " selected" : "")
                    .append(">").append(v.t("state." + s)).append("</option>");
        }
        b.append("</select></label><label>").append(v.t("search.direction"))
                .append("<select name=\"direction\"><option value=\"\"></option>");
        for (Document.Direction d : Document.Direction.values()) {
            b.append("<option value=\"").append(d).append("\"").append(d == c.direction() ? " selected" : "")
                    .append(">").append(v.t("direction." + d)).append("</option>");
        }
        b.append("</select></label><button type=\"submit\" id=\"search-submit\">").append(v.t("action.search"))
                .append("</button></form>");
        b.append("<p id=\"result-count\">").append(v.t("search.found")).append(": <strong>").append(page.total())
                .append("</strong></p>");
        documentTable(b, v, page.items());
        if (page.pages() > 1) {
            b.append("<nav class=\"pages\">");
            for (int i = 1; i <= page.pages() && i <= 50; i++) {
                b.append(i == page.page() ? "<strong>" + i + "</strong>" : "<a href=\"" + esc(v.base + "/documents?"
                        + query + "&page=" + i) + "\">" + i + "</a>");
            }
            b.append("</nav>");
        }
        return v.page("nav.documents", b.toString());
    }

    private static void field(StringBuilder b, View v, String name, String key, String value) {
        b.append("<label>").append(v.t(key)).append("<input type=\"text\" name=\"").append(name)
                .append("\" maxlength=\"200\" value=\"").append(esc(value)).append("\"></label>");
    }

    static void documentTable(StringBuilder b, View v, List<Document> docs) {
        b.append("<table class=\"documents\">").append(Html.head(v.text.get("col.created"),
                v.text.get("col.direction"), v.text.get("col.number"), v.text.get("col.subject"),
                v.text.get("col.sender"), v.text.get("col.recipients"), v.text.get("col.state")))
                .append("<tbody>");
        for (Document d : docs) {
            String number = (d.getCodeNumber() == null ? "" : d.getCodeNumber())
                    + (d.getCodeNotation() == null ? "" : "/" + d.getCodeNotation());
            b.append("<tr data-document-id=\"").append(esc(d.getDocumentId())).append("\">")
                    .append("<td>").append(esc(time(d.getCreatedAt()))).append("</td>")
                    .append("<td>").append(v.t("direction." + d.getDirection())).append("</td>")
                    .append("<td><a class=\"doc-link\" href=\"").append(esc(v.base + "/documents/" + d.getId()))
                    .append("\">").append(esc(number.isEmpty() ? d.getDocumentId() : number)).append("</a></td>")
                    .append("<td>").append(esc(d.getSubject())).append("</td>")
                    .append("<td>").append(esc(d.getSenderOrganId())).append("</td>")
                    .append("<td>").append(esc(String.join(", ", d.getRecipients().stream()
                            .map(Recipient::getOrganId).toList()))).append("</td>")
                    .append("<td class=\"state\">").append(v.t("state." + d.getState())).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    static String document(View v, ConsoleQueries.DocumentView view, String notice) {
        Document d = view.document();
        StringBuilder b = new StringBuilder();
        if (notice != null) {
            b.append(notice);
        }
        b.append("<section><h2>").append(v.t("doc.info")).append("</h2><dl class=\"info\">");
        item(b, v, "doc.documentId", "doc-id", d.getDocumentId());
        item(b, v, "col.direction", "doc-direction", v.text.get("direction." + d.getDirection()));
        item(b, v, "col.state", "doc-state", d.getState().name());
        item(b, v, "col.number", "doc-number", d.getCodeNumber());
        item(b, v, "doc.notation", "doc-notation", d.getCodeNotation());
        item(b, v, "col.subject", "doc-subject", d.getSubject());
        item(b, v, "col.sender", "doc-sender", d.getSenderOrganId());
        item(b, v, "doc.priority", "doc-priority", Integer.toString(d.getPriority()));
        item(b, v, "doc.businessType", "doc-business-type", Integer.toString(d.getBusinessType()));
        item(b, v, "doc.promulgationDate", "doc-promulgation",
                d.getPromulgationDate() == null ? null : d.getPromulgationDate().toString());
        DocumentDetails x = d.getDetails();
        if (x != null) {
            item(b, v, "doc.fromOrganName", null, x.getFromOrganName());
            item(b, v, "doc.place", null, x.getPromulgationPlace());
            item(b, v, "doc.type", null, x.getDocumentTypeName());
            item(b, v, "doc.summary", null, x.getContentSummary());
            item(b, v, "doc.signer", null, join(x.getSignerPosition(), x.getSignerFullName()));
            item(b, v, "doc.dueDate", null, x.getDueDate() == null ? null : x.getDueDate().toString());
        }
        item(b, v, "col.created", "doc-created", time(d.getCreatedAt()));
        item(b, v, "doc.submittedBy", null, d.getSubmittedBy());
        item(b, v, "doc.axisId", null, d.getAxisDocId());
        item(b, v, "doc.attempts", null, Integer.toString(d.getAttempts()));
        item(b, v, "doc.lastError", null, d.getLastError());
        item(b, v, "doc.recall", "doc-recall", d.getRecallState());
        item(b, v, "doc.packageSha256", "doc-package-sha256", d.getPackageSha256());
        item(b, v, "doc.packageCheck", "doc-package-check", view.packageCheck());
        item(b, v, "doc.signature", "doc-signature", view.signature());
        SignatureView signed = view.documentSignatures();
        if (signed != null) {
            item(b, v, "doc.legalValue", "doc-legal-value", signed.document().getVerdict()
                    + (signed.document().getReason() == null ? "" : " — " + signed.document().getReason())
                    + (signed.document().getPolicyNote() == null ? "" : " (" + signed.document().getPolicyNote() + ")"));
        }
        b.append("</dl></section>");

        if (v.caller.mayAct()) {
            b.append("<section class=\"actions\">");
            if (d.getState() == DocumentState.DEAD) {
                b.append(v.form("/documents/" + d.getId() + "/requeue", "requeue-form",
                        "<button type=\"submit\" id=\"requeue\">" + v.t("action.requeue") + "</button>"));
            }
            if (ConsoleActions.recallable(d) && v.caller.maySee(d.getSenderOrganId())) {
                b.append(v.form("/documents/" + d.getId() + "/recall", "recall-form", "<label>"
                        + v.t("doc.recallReason") + "<input type=\"text\" name=\"reason\" maxlength=\"1000\""
                        + " required></label><button type=\"submit\" id=\"recall\">" + v.t("action.recall")
                        + "</button>"));
            }
            b.append("</section>");
        }

        b.append("<section><h2>").append(v.t("doc.recipients")).append("</h2><table id=\"recipients\">")
                .append(Html.head(v.text.get("col.organ"), v.text.get("col.name"), v.text.get("col.status"),
                        v.text.get("col.statusAt"), v.text.get("col.description")))
                .append("<tbody>");
        for (Recipient r : d.getRecipients()) {
            b.append("<tr data-organ=\"").append(esc(r.getOrganId())).append("\">")
                    .append("<td>").append(esc(r.getOrganId())).append("</td><td>").append(esc(r.getOrganName()))
                    .append("</td><td class=\"status\">").append(esc(r.getStatusCode())).append("</td><td>")
                    .append(esc(time(r.getStatusAt()))).append("</td><td>").append(esc(r.getStatusDescription()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>");

        if (!d.getAttachments().isEmpty()) {
            b.append("<section><h2>").append(v.t("doc.attachments")).append("</h2><table id=\"attachments\">")
                    .append(Html.head(v.text.get("col.name"), v.text.get("col.type"), v.text.get("col.size"),
                            "SHA-256", v.text.get("col.docSigner"), v.text.get("col.docSignature"))).append("<tbody>");
            for (StoredAttachment a : d.getAttachments()) {
                AttachmentSignature s = signed == null ? null : signed.attachments().stream()
                        .filter(f -> f.getAttachmentRef().equals(a.getId())).findFirst().orElse(null);
                b.append(Html.row(esc(a.getName()), esc(a.getContentType()), Long.toString(a.getSizeBytes()),
                        "<code>" + esc(a.getSha256()) + "</code>", s == null ? "" : signer(s),
                        s == null ? esc(signed == null ? "" : signed.document().getVerdict().name())
                                : "<span class=\"doc-signature-status\">" + esc(s.getStatus()) + "</span> "
                                        + esc(s.getReason())));
            }
            b.append("</tbody></table></section>");
        }

        b.append("<section><h2>").append(v.t("doc.timeline")).append("</h2><table id=\"timeline\">")
                .append(Html.head(v.text.get("col.time"), v.text.get("col.kind"), v.text.get("col.organ"),
                        v.text.get("col.code"), v.text.get("col.detail")))
                .append("<tbody>");
        for (DocumentQuery.HistoryEntry e : view.history()) {
            b.append("<tr class=\"event\" data-kind=\"").append(esc(e.kind())).append("\" data-code=\"")
                    .append(esc(e.code())).append("\"><td>").append(esc(time(e.at()))).append("</td><td>")
                    .append(v.t("kind." + e.kind())).append("</td><td>").append(esc(e.organId())).append("</td><td>")
                    .append(esc(e.code())).append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
        return v.page("doc.title", b.toString());
    }

    private static void item(StringBuilder b, View v, String key, String id, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        b.append("<dt>").append(v.t(key)).append("</dt><dd").append(id == null ? "" : " id=\"" + id + "\"")
                .append(">").append(esc(value)).append("</dd>");
    }

    /** "CN (O), issuer, signing time" of an attachment's last signature, escaped. */
    private static String signer(AttachmentSignature s) {
        if (s.getSignerName() == null) {
            return "";
        }
        return esc(s.getSignerName() + (s.getSignerOrganisation() == null ? "" : " (" + s.getSignerOrganisation() + ")"))
                + "<br><small>" + esc(s.getIssuer()) + " — " + esc(time(s.getSigningTime())) + "</small>";
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    }

    static String outbox(View v, List<Document> queued, List<Document> inFlight, List<Document> dead) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"queued\"><h2>").append(v.t("outbox.queued")).append(" (").append(queued.size())
                .append(")</h2>");
        documentTable(b, v, queued);
        b.append("</section><section id=\"in-flight\"><h2>").append(v.t("outbox.inFlight")).append(" (")
                .append(inFlight.size()).append(")</h2>");
        documentTable(b, v, inFlight);
        b.append("</section><section id=\"dead-list\"><h2>").append(v.t("outbox.dead")).append(" (")
                .append(dead.size()).append(")</h2><table class=\"documents\">")
                .append(Html.head(v.text.get("col.updated"), v.text.get("doc.documentId"), v.text.get("col.subject"),
                        v.text.get("doc.attempts"), v.text.get("doc.lastError"), ""))
                .append("<tbody>");
        for (Document d : dead) {
            b.append("<tr data-document-id=\"").append(esc(d.getDocumentId())).append("\"><td>")
                    .append(esc(time(d.getUpdatedAt()))).append("</td><td><a class=\"doc-link\" href=\"")
                    .append(esc(v.base + "/documents/" + d.getId())).append("\">").append(esc(d.getDocumentId()))
                    .append("</a></td><td>").append(esc(d.getSubject())).append("</td><td>").append(d.getAttempts())
                    .append("</td><td>").append(esc(d.getLastError())).append("</td><td>");
            if (v.caller.mayAct()) {
                b.append(v.form("/documents/" + d.getId() + "/requeue", null, "<button type=\"submit\" class=\"requeue\">"
                        + v.t("action.requeue") + "</button>"));
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table></section>");
        return v.page("nav.outbox", b.toString());
    }

    static String inbox(View v, List<InboxItem> items) {
        StringBuilder b = new StringBuilder("<table id=\"inbox\">").append(Html.head(v.text.get("col.created"),
                v.text.get("col.organ"), v.text.get("col.sender"), v.text.get("doc.documentId"),
                v.text.get("col.subject"), v.text.get("col.state"))).append("<tbody>");
        for (InboxItem i : items) {
            Document d = i.getDocument();
            b.append(Html.rowWith(Html.data("document-id", d.getDocumentId()), esc(time(i.getCreatedAt())),
                    esc(i.getOrganId()), esc(d.getSenderOrganId()),
                    "<a class=\"doc-link\" href=\"" + esc(v.base + "/documents/" + d.getId()) + "\">"
                            + esc(d.getDocumentId()) + "</a>", esc(d.getSubject()),
                    v.t("inbox." + i.getState())));
        }
        return v.page("nav.inbox", b.append("</tbody></table>").toString());
    }

    static String directory(View v, String q, List<Organisation> orgs) {
        StringBuilder b = new StringBuilder("<form method=\"get\" class=\"search\" action=\"")
                .append(esc(v.base)).append("/directory\"><label>").append(v.t("directory.search"))
                .append("<input type=\"text\" name=\"q\" maxlength=\"100\" value=\"").append(esc(q))
                .append("\"></label><button type=\"submit\">").append(v.t("action.search")).append("</button></form>")
                .append("<table id=\"directory\">").append(Html.head(v.text.get("col.code"),
                        v.text.get("directory.oldCode"), v.text.get("col.name"), v.text.get("directory.parent"),
                        v.text.get("directory.mail"), v.text.get("directory.synced")))
                .append("<tbody>");
        for (Organisation o : orgs) {
            b.append(Html.rowWith(Html.data("code", o.getCode()), esc(o.getCode()), esc(o.getOldCode()),
                    esc(o.getName()), esc(o.getParentCode()),
                    esc(o.getMail()), esc(time(o.getSyncedAt()))));
        }
        return v.page("nav.directory", b.append("</tbody></table>").toString());
    }
}
