package vn.lienthong.load;

/** What a run drives: one face and operation of the adapter. */
public enum Mode {
    /** Old e-doc.vn protocol: SendDocument with an SwA attachment and a token, over plain HTTP. */
    LEGACY_SEND("legacy-send", true),
    /** Signed profile: UsernameToken + Timestamp + X.509 signature, SubmitDocument over plain HTTP. */
    SIGNED_SUBMIT("signed-submit", true),
    /** UsernameToken profile (text password, Nonce, Created), SubmitDocument over HTTPS. */
    UT_SUBMIT("ut-submit", true),
    /** Signed ListOrganisations: no store write, so it is the cost of the security stack alone. */
    LIST_ORGS("list-orgs", false),
    /** Signed GetDocumentStatus of random documents of a seeded store. */
    DOC_STATUS("doc-status", false),
    /** SIGNED_SUBMIT for a long time (30 minutes unless told), with heap and store sampled every minute. */
    SOAK("soak", true);

    private final String name;
    private final boolean submits;

    Mode(String name, boolean submits) {
        this.name = name;
        this.submits = submits;
    }

    /** Whether each accepted request stores a new document that the outbox then delivers to the axis. */
    public boolean submits() {
        return submits;
    }

    public String cliName() {
        return name;
    }

    public static Mode of(String cliName) {
        for (Mode m : values()) {
            if (m.name.equals(cliName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode " + cliName + " (legacy-send, signed-submit, ut-submit,"
                + " list-orgs, doc-status, soak)");
    }
}
