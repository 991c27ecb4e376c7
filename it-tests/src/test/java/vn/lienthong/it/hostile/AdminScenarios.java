package vn.lienthong.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.lienthong.it.hostile.HostileContext.OTHER_ORGAN;
import static vn.lienthong.it.hostile.HostileContext.basic;
import static vn.lienthong.it.hostile.HostileContext.form;

import java.util.List;

import vn.lienthong.it.support.RawHttp;

/**
 * Hostile calls to the operator interfaces: the admin operations (bearer token, {@code AdminAuthentication}) and
 * the old-protocol token issue ({@code TokenAdminEndpoint}). A refusal there must not be the server's HTML error
 * page (the {@code limits} branch) and must be audited.
 */
final class AdminScenarios {

    private static final String ADMIN_AUTH = "AdminAuthentication (JAX-RS filter)";
    private static final String TOKEN_AUTH = "TokenAdminEndpoint.authenticate";
    private static final String TOKENS = "LegacyTokens.issue (organisation ids)";

    private AdminScenarios() {
    }

    /** 401, audited as AUTH.ADMIN; the body is the server's HTML page until the limits branch is merged. */
    private static Expect unauthorised() {
        return Expect.status(401).audit("AUTH.ADMIN").cleanBodyNeeds("limits");
    }

    static List<Scenario> tokenIssue() {
        Face f = Face.TOKEN_ISSUE;
        return List.of(
                Scenario.of("TOK-01", f, "no credentials", TOKEN_AUTH).expect(unauthorised())
                        .send(c -> c.issue(null, form("organId", c.demo.organId()))),
                Scenario.of("TOK-02", f, "wrong admin bearer token", TOKEN_AUTH).expect(unauthorised())
                        .send(c -> c.issue("Bearer " + c.adminToken.substring(1) + "x", form("organId", c.demo.organId()))),
                Scenario.of("TOK-03", f, "Basic with a wrong password", TOKEN_AUTH).expect(unauthorised())
                        .send(c -> c.issue(basic(c.demo.username(), "wrong"), form("organId", c.demo.organId()))),
                Scenario.of("TOK-04", f, "Basic by a client for an organisation it may not act for",
                        TOKEN_AUTH + " (authz: 403 AUTH.ORGANISATION)")
                        .expect(Expect.statusClass(4).audit("AUTH.ADMIN|AUTH.ORGANISATION").cleanBodyNeeds("limits"))
                        .send(c -> c.issue(c.basicDemo(), form("organId", OTHER_ORGAN))),
                Scenario.of("TOK-05", f, "Basic with garbage base64", TOKEN_AUTH).expect(unauthorised())
                        .send(c -> c.issue("Basic %%%not-base64%%%", form("organId", c.demo.organId()))),
                Scenario.of("TOK-06", f, "Basic without a colon (user name only)", TOKEN_AUTH).expect(unauthorised())
                        .send(c -> c.issue("Basic " + java.util.Base64.getEncoder().encodeToString(
                                c.demo.username().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                form("organId", c.demo.organId()))),
                Scenario.of("TOK-07", f, "admin bearer token in the query string instead of the header", TOKEN_AUTH)
                        .expect(unauthorised())
                        .send(c -> RawHttp.request("POST", c.path(f) + "?access_token=" + c.adminToken)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .body(form("organId", c.demo.organId())).send(c.server)),
                Scenario.of("TOK-08", f, "Basic client asks for actFor beyond its own organisations",
                        "authz: TokenAdminEndpoint/LegacyTokens actFor check").needs("authz")
                        .expect(Expect.statusClass(4).code("AUTH.ORGANISATION").audit("AUTH.ORGANISATION"))
                        .send(c -> c.issue(c.basicDemo(), form("organId", c.demo.organId()) + "&"
                                + form("actFor", OTHER_ORGAN))),
                Scenario.of("TOK-09", f, "organisation id with path traversal (`../../etc`)", TOKENS)
                        .expect(Expect.status(400).code("M.").audit("M."))
                        .send(c -> c.issue(c.bearer(), form("organId", "../../etc"))),
                Scenario.of("TOK-10", f, "organisation id with SQL injection", TOKENS)
                        .expect(Expect.status(400).code("M.").audit("M."))
                        .send(c -> c.issue(c.bearer(), form("organId", "x' OR '1'='1"))),
                Scenario.of("TOK-11", f, "organisation id with CR LF (log/header injection)", TOKENS)
                        .expect(Expect.status(400).code("M.").audit("M."))
                        .also(a -> assertEquals(null, a.header("X-Injected")))
                        .send(c -> c.issue(c.bearer(), form("organId", "000.00.00.G22\r\nX-Injected: 1"))),
                Scenario.of("TOK-12", f, "actFor list with an invalid organisation id", TOKENS)
                        .expect(Expect.status(400).code("M.").audit("M."))
                        .send(c -> c.issue(c.bearer(), form("organId", "000.00.00.G24") + "&" + form("actFor",
                                "000.00.00.G25,<script>"))),
                Scenario.of("TOK-13", f, "imported token shorter than 16 characters", TOKENS)
                        .expect(Expect.status(400).code("M.Token").audit("M.Token"))
                        .send(c -> c.issue(c.bearer(), form("organId", "000.00.00.G24") + "&" + form("token", "short"))),
                Scenario.of("TOK-14", f, "HTTP GET of the token resource", "TokenAdminEndpoint.handle (404)")
                        .expect(Expect.status(404).audit("SYS.NOT_FOUND"))
                        .send(c -> RawHttp.request("GET", c.path(f) + "?organId=" + c.demo.organId())
                                .header("Authorization", c.bearer()).send(c.server)));
    }

    static List<Scenario> admin() {
        Face f = Face.ADMIN;
        return List.of(
                Scenario.of("ADM-01", f, "no Authorization header", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "audit/verify", null)),
                Scenario.of("ADM-02", f, "wrong bearer token", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "outbox/dead", "Bearer " + "0".repeat(64))),
                Scenario.of("ADM-03", f, "correct token with one character appended", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "outbox/dead", c.bearer() + "0")),
                Scenario.of("ADM-04", f, "the token as HTTP Basic instead of Bearer", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "store/counts", basic("admin", c.adminToken))),
                Scenario.of("ADM-05", f, "empty Bearer", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "audit?after=0", "Bearer ")),
                Scenario.of("ADM-06", f, "bearer token in the query string", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("GET", "audit/verify?access_token=" + c.adminToken, null)),
                Scenario.of("ADM-07", f, "re-queue without a token", ADMIN_AUTH).expect(unauthorised())
                        .send(c -> c.admin("POST", "outbox/whatever/requeue", null)),
                Scenario.of("ADM-08", f, "CR LF in the query string (response splitting)", ADMIN_AUTH).expect(unauthorised())
                        .also(a -> assertEquals(null, a.header("Set-Cookie"), "no injected header"))
                        .send(c -> c.admin("GET", "outbox/dead?max=1%0d%0aSet-Cookie:%20evil=1", null)),
                Scenario.of("ADM-09", f, "re-queue of an unknown document", "OutboxAdminResource.requeue")
                        .expect(Expect.status(404).audit("NOT_DEAD"))
                        .send(c -> c.admin("POST", "outbox/no-such-document/requeue", c.bearer())),
                Scenario.of("ADM-10", f, "re-queue with a dot-dot id (`%2e%2e`)", "OutboxAdminResource.requeue")
                        .expect(Expect.status(404).audit("NOT_DEAD"))
                        .send(c -> c.admin("POST", "outbox/%2e%2e/requeue", c.bearer())),
                Scenario.of("ADM-11", f, "re-queue with SQL injection in the id", "OutboxAdminResource.requeue (JPQL parameters)")
                        .expect(Expect.status(404).audit("NOT_DEAD"))
                        .send(c -> c.admin("POST", "outbox/x'%20OR%20'1'='1/requeue", c.bearer())),
                Scenario.of("ADM-12", f, "re-queue with a malformed JSON body", "OutboxAdminResource.requeue (no body read)")
                        .expect(Expect.status(404).audit("NOT_DEAD"))
                        .send(c -> RawHttp.request("POST", c.root + "/admin/outbox/x/requeue")
                                .header("Authorization", c.bearer()).header("Content-Type", "application/json")
                                .body("{\"id\": [unclosed").send(c.server)),
                Scenario.of("ADM-13", f, "wrong HTTP method (DELETE on audit/verify) with a valid token",
                        "JAX-RS routing (405)")
                        .expect(Expect.status(405).audit("*", "sigtools").cleanBodyNeeds("limits"))
                        .send(c -> c.admin("DELETE", "audit/verify", c.bearer())),
                Scenario.of("ADM-14", f, "a 64 KiB Authorization header", "Payara HTTP listener (header size), before the application")
                        .expect(Expect.status(400))
                        .send(c -> c.admin("GET", "audit/verify", "Bearer " + "A".repeat(64 * 1024))),
                Scenario.of("ADM-15", f, "token guessing does not reveal whether admin is enabled", ADMIN_AUTH)
                        .expect(unauthorised())
                        .also(a -> assertFalse(a.body().contains("enabled") || a.body().contains("configured")))
                        .send(c -> c.admin("GET", "store/counts", "Bearer guess")));
    }
}
