package vn.lienthong.it.hostile;

import java.util.function.Consumer;

import vn.lienthong.it.support.RawHttp;

/**
 * One hostile request: where it goes, what it tries, which layer must refuse it, how the refusal looks. The
 * request itself is built by {@link Attack} against the live adapter ({@link HostileContext}).
 */
public final class Scenario {

    @FunctionalInterface
    public interface Attack {
        RawHttp.Answer send(HostileContext ctx) throws Exception;
    }

    final String id;
    final Face face;
    final String attack;
    final String layer;
    Expect expect;
    /** A branch without which the request would not even be refused: the whole scenario waits for it. */
    String needs;
    Attack request;
    Consumer<RawHttp.Answer> extra = a -> { };

    private Scenario(String id, Face face, String attack, String layer) {
        this.id = id;
        this.face = face;
        this.attack = attack;
        this.layer = layer;
    }

    public static Scenario of(String id, Face face, String attack, String layer) {
        return new Scenario(id, face, attack, layer);
    }

    public Scenario expect(Expect e) {
        this.expect = e;
        return this;
    }

    public Scenario needs(String branch) {
        this.needs = branch;
        return this;
    }

    public Scenario send(Attack a) {
        this.request = a;
        return this;
    }

    /** Further assertions on the answer (no leaked file content, no injected header, …). */
    public Scenario also(Consumer<RawHttp.Answer> check) {
        this.extra = check;
        return this;
    }

    public String id() {
        return id;
    }

    public Face face() {
        return face;
    }

    /** Pending on some branch (as a whole, or one of its checks). */
    public boolean pending() {
        return Pending.pending(needs) || Pending.pending(expect.codeNeeds) || Pending.pending(expect.auditNeeds)
                || Pending.pending(expect.cleanNeeds);
    }

    /** The branches this scenario still waits for, comma-separated; empty when it is fully active. */
    public String pendingOn() {
        java.util.LinkedHashSet<String> on = new java.util.LinkedHashSet<>();
        for (String n : new String[] { needs, expect.codeNeeds, expect.auditNeeds, expect.cleanNeeds }) {
            if (Pending.pending(n)) {
                on.add(n);
            }
        }
        return String.join(", ", on);
    }

    /** One row of the matrix in docs/security.md. */
    public String markdownRow() {
        String code = expect.code == null ? "—" : shown(expect.code);
        String audit = expect.auditCode == null ? "—" : shown(expect.auditCode);
        String state = pending() ? "pending: " + pendingOn() : "active";
        return "| " + id + " | " + face + " | " + attack.replace("|", "\\|") + " | " + layer.replace("|", "\\|")
                + " | HTTP " + expect.statusText() + ", " + code + " | " + audit + " | " + state + " |";
    }

    /** {@code AUTH.} → {@code `AUTH.*`}; alternatives as "or". */
    private static String shown(String code) {
        return String.join(" or ", java.util.Arrays.stream(code.split("\\|"))
                .map(c -> "`" + c + (c.endsWith(".") ? "*" : "") + "`").toList());
    }

    @Override
    public String toString() {
        return id + " " + face + ": " + attack;
    }
}
