package vn.lienthong.it.hostile;

/**
 * What a refusal must look like: the HTTP status (exact, or a class such as 4xx), the stable code the client
 * reads (exact, or a prefix when it ends with '.'), and the code of the audit entry it leaves. Each part may
 * depend on a branch that is not merged yet ({@link Pending}); that part is then reported as pending.
 */
public final class Expect {

    final int statusFrom;
    final int statusTo;
    String code;
    String codeNeeds;
    String auditCode;
    String auditNeeds;
    String cleanNeeds;

    private Expect(int from, int to) {
        this.statusFrom = from;
        this.statusTo = to;
    }

    public static Expect status(int status) {
        return new Expect(status, status);
    }

    /** Any status of the class: {@code statusClass(4)} is 400…499. */
    public static Expect statusClass(int hundreds) {
        return new Expect(hundreds * 100, hundreds * 100 + 99);
    }

    /** Any refusal status, 4xx or 5xx (where the refusing layer may still change, e.g. HTTPS required). */
    public static Expect refused() {
        return new Expect(400, 599);
    }

    /** A SOAP fault as CXF sends it: HTTP 500 (SOAP 1.1). */
    public static Expect soapFault() {
        return status(500);
    }

    /** The old protocol answers every refusal as a Report in HTTP 200. */
    public static Expect report(String legacyCode) {
        return status(200).code(legacyCode).audit(legacyCode);
    }

    public Expect code(String c) {
        this.code = c;
        return this;
    }

    public Expect code(String c, String needs) {
        this.code = c;
        this.codeNeeds = needs;
        return this;
    }

    public Expect audit(String c) {
        this.auditCode = c;
        return this;
    }

    public Expect audit(String c, String needs) {
        this.auditCode = c;
        this.auditNeeds = needs;
        return this;
    }

    /** The answer is free of server error pages and internals only once {@code needs} is merged. */
    public Expect cleanBodyNeeds(String needs) {
        this.cleanNeeds = needs;
        return this;
    }

    /** Same code for the client and the audit entry, both brought by {@code needs}. */
    public Expect codeAndAudit(String c, String needs) {
        return code(c, needs).audit(c, needs);
    }

    boolean statusMatches(int status) {
        return status >= statusFrom && status <= statusTo;
    }

    String statusText() {
        if (statusFrom == statusTo) {
            return Integer.toString(statusFrom);
        }
        return statusTo - statusFrom > 99 ? "4xx/5xx" : (statusFrom / 100) + "xx";
    }

    static boolean codeMatches(String expected, String actual) {
        return actual != null && (expected.endsWith(".") ? actual.startsWith(expected) : actual.equals(expected));
    }
}
