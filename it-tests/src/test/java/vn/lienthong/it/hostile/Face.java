package vn.lienthong.it.hostile;

/** The doors a hostile client can knock on. */
public enum Face {
    /** WS-Security service, signed profile: {@code /lienthong/services/DocumentExchange}. */
    WS_SIGNED("/services/DocumentExchange"),
    /** WS-Security service, UsernameToken profile for HTTPS: {@code /lienthong/services/DocumentExchangeTls}. */
    WS_TLS("/services/DocumentExchangeTls"),
    /** The old e-doc.vn protocol: {@code /lienthong/services/EdocService}. */
    LEGACY("/services/EdocService"),
    /** Old-protocol token issue: {@code /lienthong/services/EdocAdmin/tokens}. */
    TOKEN_ISSUE("/services/EdocAdmin/tokens"),
    /** Operator interface, bearer token: {@code /lienthong/admin/*}. */
    ADMIN("/admin");

    private final String path;

    Face(String path) {
        this.path = path;
    }

    /** Path below the application's context root. */
    public String path() {
        return path;
    }
}
