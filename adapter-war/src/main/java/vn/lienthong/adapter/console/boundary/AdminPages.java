package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;
import static vn.lienthong.adapter.console.boundary.Html.time;

import java.util.List;

import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.legacy.entity.LegacyToken;
import vn.lienthong.adapter.security.entity.ClientCredential;

/** Client credentials and old-protocol tokens, console users, the audit trail. */
final class AdminPages {

    private AdminPages() {
    }

    static String credentials(View v, List<ClientCredential> creds, List<LegacyToken> tokens, String notice) {
        StringBuilder b = new StringBuilder(notice == null ? "" : notice);
        b.append("<section><h2>").append(v.t("cred.clients")).append("</h2><table id=\"credentials\">")
                .append(Html.head(v.text.get("col.user"), v.text.get("col.organs"), v.text.get("cred.certificate"),
                        v.text.get("cred.grantedBy"), v.text.get("col.enabled"), v.text.get("col.created"), ""))
                .append("<tbody>");
        for (ClientCredential c : creds) {
            String revoke = c.isEnabled() ? v.form("/credentials/revoke", null, "<input type=\"hidden\" name=\"username\""
                    + " value=\"" + esc(c.getUsername()) + "\"><button type=\"submit\">" + v.t("action.revoke")
                    + "</button>") : "";
            b.append(Html.rowWith(Html.data("user", c.getUsername()) + Html.data("enabled", c.isEnabled()),
                    esc(c.getUsername()), esc(String.join(", ", c.getOrganIds())),
                    esc(c.getCertificateSubject()), esc(c.getGrantedBy()), v.t(c.isEnabled() ? "yes" : "no"),
                    esc(time(c.getCreatedAt())), revoke));
        }
        b.append("</tbody></table>");
        b.append(v.form("/credentials/issue", "credential-issue", "<h3>" + v.t("cred.issue") + "</h3><label>"
                + v.t("col.user") + "<input type=\"text\" name=\"username\" required maxlength=\"60\"></label><label>"
                + v.t("col.organs") + "<input type=\"text\" name=\"organs\" required maxlength=\"500\"></label>"
                + "<button type=\"submit\">" + v.t("action.issue") + "</button>"));
        b.append("</section><section><h2>").append(v.t("cred.tokens")).append("</h2><table id=\"tokens\">")
                .append(Html.head(v.text.get("col.organ"), v.text.get("cred.issuedBy"), v.text.get("cred.issuedAt"),
                        v.text.get("cred.revokedAt"), v.text.get("col.enabled"), ""))
                .append("<tbody>");
        for (LegacyToken t : tokens) {
            String revoke = t.isEnabled() ? v.form("/tokens/revoke", null, "<input type=\"hidden\" name=\"organId\""
                    + " value=\"" + esc(t.getOrganId()) + "\"><button type=\"submit\">" + v.t("action.revoke")
                    + "</button>") : "";
            b.append(Html.rowWith(Html.data("organ", t.getOrganId()) + Html.data("enabled", t.isEnabled()),
                    esc(t.getOrganId()), esc(t.getIssuedBy()), esc(time(t.getIssuedAt())),
                    esc(time(t.getRevokedAt())), v.t(t.isEnabled() ? "yes" : "no"), revoke));
        }
        b.append("</tbody></table>");
        b.append(v.form("/tokens/issue", "token-issue", "<h3>" + v.t("cred.tokenIssue") + "</h3><label>"
                + v.t("col.organ") + "<input type=\"text\" name=\"organId\" required maxlength=\"35\"></label><label>"
                + v.t("cred.actFor") + "<input type=\"text\" name=\"actFor\" maxlength=\"500\"></label>"
                + "<button type=\"submit\">" + v.t("action.issue") + "</button>"));
        b.append("</section>");
        return v.page("nav.credentials", b.toString());
    }

    static String users(View v, List<ConsoleUser> users, String notice) {
        StringBuilder b = new StringBuilder(notice == null ? "" : notice);
        b.append("<table id=\"users\">").append(Html.head(v.text.get("col.user"), v.text.get("col.role"),
                v.text.get("col.organs"), v.text.get("col.enabled"), v.text.get("users.createdBy"),
                v.text.get("col.created"), "")).append("<tbody>");
        for (ConsoleUser u : users) {
            String disable = u.isEnabled() && !u.getUsername().equals(v.caller.username())
                    ? v.form("/users/disable", null, "<input type=\"hidden\" name=\"username\" value=\""
                            + esc(u.getUsername()) + "\"><button type=\"submit\">" + v.t("action.disable")
                            + "</button>") : "";
            b.append(Html.rowWith(Html.data("user", u.getUsername()) + Html.data("enabled", u.isEnabled()),
                    esc(u.getUsername()), v.t("role." + u.getRole().roleName()),
                    u.seesAll() ? v.t("users.all") : esc(String.join(", ", u.getOrganIds())),
                    v.t(u.isEnabled() ? "yes" : "no"), esc(u.getCreatedBy()), esc(time(u.getCreatedAt())), disable));
        }
        b.append("</tbody></table>");
        StringBuilder roles = new StringBuilder("<select name=\"role\">");
        for (ConsoleRole r : ConsoleRole.values()) {
            roles.append("<option value=\"").append(r.roleName()).append("\"")
                    .append(r == ConsoleRole.VIEWER ? " selected" : "").append(">")
                    .append(v.t("role." + r.roleName())).append("</option>");
        }
        roles.append("</select>");
        b.append(v.form("/users/create", "user-create", "<h3>" + v.t("users.create") + "</h3><label>"
                + v.t("col.user") + "<input type=\"text\" name=\"username\" required maxlength=\"60\"></label><label>"
                + v.t("col.role") + roles + "</label><label>" + v.t("col.organs")
                + "<input type=\"text\" name=\"organs\" maxlength=\"500\"></label><button type=\"submit\">"
                + v.t("action.create") + "</button>"));
        return v.page("nav.users", b.toString());
    }

    static String audit(View v, List<AuditEntry> entries, String code, String actor,
            AuditChainVerifier.Report report) {
        StringBuilder b = new StringBuilder();
        if (report != null) {
            b.append(View.notice("verify-result", "<strong id=\"chain-state\">"
                    + (report.intact() ? "INTACT" : "BROKEN") + "</strong> — " + report.checked() + " "
                    + v.t("audit.checked") + ", " + report.problems().size() + " " + v.t("audit.problems")));
            if (!report.problems().isEmpty()) {
                b.append("<ul class=\"problems\">");
                report.problems().forEach(p -> b.append("<li>").append(esc(p)).append("</li>"));
                b.append("</ul>");
            }
        }
        b.append(v.form("/audit/verify", "audit-verify", "<button type=\"submit\" id=\"verify\">"
                + v.t("action.verify") + "</button>"));
        b.append("<form method=\"get\" class=\"search\" action=\"").append(esc(v.base)).append("/audit\"><label>")
                .append(v.t("col.code")).append("<input type=\"text\" name=\"code\" maxlength=\"100\" value=\"")
                .append(esc(code)).append("\"></label><label>").append(v.t("col.user"))
                .append("<input type=\"text\" name=\"actor\" maxlength=\"100\" value=\"").append(esc(actor))
                .append("\"></label><button type=\"submit\">").append(v.t("action.search")).append("</button></form>");
        b.append("<table id=\"audit\">").append(Html.head("#", v.text.get("col.time"), v.text.get("col.user"),
                v.text.get("col.action"), v.text.get("col.organ"), v.text.get("col.outcome"), v.text.get("col.code"),
                v.text.get("col.detail"))).append("<tbody>");
        for (AuditEntry e : entries) {
            b.append(Html.rowWith(Html.data("action", e.getAction()) + Html.data("code", e.getCode()),
                    esc(e.getChainSeq()), esc(time(e.getOccurredAt())), esc(e.getActor()),
                    esc(e.getAction()), esc(e.getOrganId()), esc(e.getOutcome()), esc(e.getCode()),
                    esc(e.getDetail())));
        }
        return v.page("nav.audit", b.append("</tbody></table>").toString());
    }
}
