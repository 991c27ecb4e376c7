package vn.lienthong.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;

import vn.lienthong.it.support.RawHttp;

/**
 * Runs one scenario and applies the checks every refusal must pass. A scenario whose refusal itself waits for a
 * branch is not sent at all (it could be accepted and leave data behind); a check that waits for a branch is
 * skipped and the scenario ends as "pending: …" after all other checks passed.
 */
public final class ScenarioChecks {

    /** Codes as clients read them: the WS fault detail, the legacy Report, plain text/JSON, AUTH/LIMIT anywhere. */
    private static final Pattern[] CODE_PATTERNS = {
            Pattern.compile("<(?:[\\w.-]+:)?code>([^<]+)</"),
            Pattern.compile("<edXML:Code>([^<]*)</edXML:Code>"),
            Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\""),
            Pattern.compile("\\b((?:AUTH|LIMIT|SYS)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])")};
    private static final Pattern TEXT_CODE = Pattern.compile("^([A-Za-z]\\.[^:\\s]+|[A-Z]+\\.[A-Z_.]+):");
    /** What a refusal must never show: server error pages, stack traces, exception class names. */
    private static final String[] LEAKS = { "<html", "<!doctype html", "payara", "exception", "\tat ", "caused by",
            "java.lang.", "org.apache.", "jakarta.", "eclipselink" };

    private ScenarioChecks() {
    }

    public static void run(Scenario s, HostileContext ctx) throws Exception {
        if (Pending.pending(s.needs)) {
            Assumptions.abort("pending: " + s.needs + " — " + Pending.NOT_YET_MERGED.get(s.needs));
        }
        Map<String, Long> storedBefore = ctx.stored();
        long sentBefore = ctx.sentToAxis();
        long auditBefore = ctx.auditHead();

        RawHttp.Answer a = s.request.send(ctx);
        Expect e = s.expect;
        List<String> deferred = new ArrayList<>();

        if (!e.statusMatches(a.status())) {
            ctx.awaitQuiet(); // an unexpected acceptance may have queued something: let it settle first
            fail(s.id + ": expected HTTP " + e.statusText() + ", got " + a);
        }
        if (e.code != null) {
            deferOr(deferred, e.codeNeeds, "code", () -> {
                Set<String> codes = codes(a.body());
                assertTrue(codes.stream().anyMatch(c -> matches(e.code, c)),
                        s.id + ": expected code " + e.code + ", found " + codes + " in " + a);
            });
        }
        deferOr(deferred, e.cleanNeeds, "clean answer", () -> assertClean(s, a, ctx));
        s.extra.accept(a);

        Map<String, Long> storedAfter = ctx.stored();
        long sentAfter = ctx.sentToAxis();
        if (!storedBefore.equals(storedAfter) || sentBefore != sentAfter) {
            ctx.awaitQuiet(); // let the outbox finish what leaked in, so the next scenario starts from rest
        }
        assertEquals(storedBefore, storedAfter, s.id + ": nothing may be stored");
        assertEquals(sentBefore, sentAfter, s.id + ": nothing may be sent to the axis");
        if (e.auditCode != null) {
            deferOr(deferred, e.auditNeeds, "audit entry", () -> {
                List<JsonObject> entries = ctx.auditAfter(auditBefore);
                assertTrue(entries.stream().anyMatch(x -> isRefusal(x) && matches(e.auditCode, x.getString("code", null))),
                        s.id + ": expected an audit entry with code " + e.auditCode + " after " + auditBefore
                                + ", found " + entries);
            });
        }
        ctx.stillServes(s.face);
        if (!deferred.isEmpty()) {
            Assumptions.abort("pending: " + String.join("; ", deferred) + " (all other checks passed)");
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void deferOr(List<String> deferred, String needs, String what, Check check) throws Exception {
        if (Pending.pending(needs)) {
            deferred.add(what + " ← " + needs);
        } else {
            check.run();
        }
    }

    private static boolean isRefusal(JsonObject entry) {
        String outcome = entry.getString("outcome", "");
        return outcome.equals("REFUSED") || outcome.equals("FAILED");
    }

    /** Exact; a prefix when it ends with '.'; "*" for any code; alternatives separated by '|'. */
    static boolean matches(String expected, String actual) {
        if (actual == null || actual.isEmpty()) {
            return false;
        }
        for (String one : expected.split("\\|")) {
            if (one.equals("*") || Expect.codeMatches(one, actual)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> codes(String body) {
        Set<String> codes = new LinkedHashSet<>();
        for (Pattern p : CODE_PATTERNS) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                codes.add(m.group(1).trim());
            }
        }
        Matcher t = TEXT_CODE.matcher(body.trim());
        if (t.find()) {
            codes.add(t.group(1));
        }
        return codes;
    }

    private static void assertClean(Scenario s, RawHttp.Answer a, HostileContext ctx) {
        String lower = a.body().toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            assertFalse(lower.contains(leak), s.id + ": the answer shows '" + leak.trim() + "': " + a);
        }
        for (String secret : new String[] { ctx.adminToken, ctx.legacyToken, ctx.lockoutToken, ctx.demo.password(),
                ctx.demo.tlsPassword() }) {
            assertFalse(a.body().contains(secret), s.id + ": a secret is echoed");
        }
        String type = String.valueOf(a.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (type.contains("text/html")) {
            fail(s.id + ": HTML answer " + a);
        }
    }
}
