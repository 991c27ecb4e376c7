package vn.lienthong.adapter.configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

/**
 * Document-signature settings (issue 14: the signatures inside the attachments), read with the other settings by
 * {@link AdapterSettings#signatures()}. Own class because the policy and the organisation mapping have a
 * per-organisation key space ({@code adapter.signatures.policy.<organ-id>}, {@code
 * adapter.signatures.organisation.<organ-id>}), like the alert settings.
 *
 * <p>Trust anchors and CRLs are files. The adapter asks the network about revocation only when an operator sets
 * {@link #REVOCATION_ONLINE} (off by default: adapters on isolated networks).
 */
public final class SignatureSettings {

    public static final String PREFIX = "adapter.signatures.";
    /** Verify the signatures inside every attachment, sent and received; default true. */
    public static final String ENABLED = PREFIX + "enabled";
    /** The folder under the keys folder where operators put CA certificates and CRLs of document signers. */
    public static final String TRUST_FOLDER = "document-trust";
    /**
     * Trust anchors (CA certificates) of document signatures: comma-separated PEM/DER certificate files or folders
     * of them ({@code .pem}, {@code .crt}, {@code .cer}, {@code .der}). Default: {@code <keys>/document-trust}, in
     * demo mode also the demo CA ({@code <keys>/demo-ca.pem}). Without anchors every intact signature is UNTRUSTED.
     * A changed file counts at the next verification.
     */
    public static final String TRUST_ANCHORS = PREFIX + "trust-anchors";
    /**
     * CRLs for revocation (files or folders of {@code .crl}, DER or PEM); default {@code <keys>/document-trust}, in
     * demo mode also {@code <keys>/demo-ca.crl} (the demo CA's, rewritten at each launcher start). No CRL of an
     * issuer (nor one embedded in the document) gives REVOCATION_UNKNOWN. A changed file counts at the next
     * verification.
     */
    public static final String CRLS = PREFIX + "crls";
    /** Anchors and CRLs are read again at least this often (besides whenever a file changes); default 10 minutes. */
    public static final String RELOAD = PREFIX + "reload-minutes";
    /** How often the verifier looks for documents still to verify (it is also woken after each commit); default 5 s. */
    public static final String INTERVAL = PREFIX + "interval-ms";
    /**
     * Policy for outgoing documents whose main file (the first attachment) is not validly signed by a certificate
     * of the sending organisation: {@code off} (default), {@code flag} (recorded, sent), {@code refuse}
     * ({@code DOC.UNSIGNED}); {@code adapter.signatures.policy.<organ-id>} overrides it for one organisation.
     */
    public static final String POLICY = PREFIX + "policy";
    /**
     * {@code adapter.signatures.organisation.<organ-id>} = comma-separated certificate organisation names (subject
     * {@code O}) that count as that organisation, besides its id and the sender name of the document itself.
     */
    public static final String ORGANISATION = PREFIX + "organisation";

    /**
     * Online revocation (default false): when no CRL of an issuer is at hand, fetch it from the certificate's CRL
     * distribution points ({@code http}) and/or ask its OCSP responder (Authority Information Access). Unreachable
     * or bad answers give REVOCATION_UNKNOWN, as offline.
     */
    public static final String REVOCATION_ONLINE = PREFIX + "revocation.online";
    /** Deadline of one whole fetch (connect, answer, body); default 3000 ms. */
    public static final String REVOCATION_TIMEOUT = PREFIX + "revocation.timeout-ms";
    /** Largest CRL or OCSP answer read (counted while streaming); default 4 MiB. */
    public static final String REVOCATION_MAX_BYTES = PREFIX + "revocation.max-bytes";
    /** A fetched CRL is kept until its nextUpdate, at most this long; default 60 minutes. */
    public static final String REVOCATION_CACHE = PREFIX + "revocation.cache-minutes";

    /** What happens to an outgoing document whose main file is not signed by the sending organisation. */
    public enum Policy { OFF, FLAG, REFUSE }

    private final boolean enabled;
    private final List<Path> trustAnchors;
    private final List<Path> crls;
    private final Duration reload;
    private final Duration interval;
    private final Policy policy;
    private final boolean revocationOnline;
    private final Duration revocationTimeout;
    private final long revocationMaxBytes;
    private final Duration revocationCache;
    private final Map<String, Policy> policies = new HashMap<>();
    private final Map<String, List<String>> organisationNames = new HashMap<>();

    private SignatureSettings(Config c, boolean demo, Path keysDir) {
        enabled = c.getOptionalValue(ENABLED, Boolean.class).orElse(true);
        Path folder = keysDir.resolve(TRUST_FOLDER);
        trustAnchors = c.getOptionalValue(TRUST_ANCHORS, String.class).map(SignatureSettings::paths)
                .orElse(demo ? List.of(keysDir.resolve("demo-ca.pem"), folder) : List.of(folder));
        crls = c.getOptionalValue(CRLS, String.class).map(SignatureSettings::paths)
                .orElse(demo ? List.of(keysDir.resolve("demo-ca.crl"), folder) : List.of(folder));
        reload = Duration.ofMinutes(Math.max(1, c.getOptionalValue(RELOAD, Long.class).orElse(10L)));
        interval = Duration.ofMillis(Math.max(100, c.getOptionalValue(INTERVAL, Long.class).orElse(5_000L)));
        policy = c.getOptionalValue(POLICY, String.class).map(SignatureSettings::parsePolicy).orElse(Policy.OFF);
        revocationOnline = c.getOptionalValue(REVOCATION_ONLINE, Boolean.class).orElse(false);
        revocationTimeout = Duration.ofMillis(Math.max(100, c.getOptionalValue(REVOCATION_TIMEOUT, Long.class)
                .orElse(3_000L)));
        revocationMaxBytes = Math.max(1024, c.getOptionalValue(REVOCATION_MAX_BYTES, Long.class)
                .orElse(4L * 1024 * 1024));
        revocationCache = Duration.ofMinutes(Math.max(1, c.getOptionalValue(REVOCATION_CACHE, Long.class)
                .orElse(60L)));
        for (String name : c.getPropertyNames()) {
            if (name.startsWith(POLICY + ".")) {
                c.getOptionalValue(name, String.class).ifPresent(
                        v -> policies.put(name.substring(POLICY.length() + 1), parsePolicy(v)));
            } else if (name.startsWith(ORGANISATION + ".")) {
                c.getOptionalValue(name, String.class).ifPresent(v -> organisationNames.put(
                        name.substring(ORGANISATION.length() + 1), list(v)));
            }
        }
    }

    static SignatureSettings from(Config c, boolean demo, Path keysDir) {
        return new SignatureSettings(c, demo, keysDir);
    }

    public boolean enabled() { return enabled; }
    public List<Path> trustAnchors() { return trustAnchors; }
    public List<Path> crls() { return crls; }
    public Duration reload() { return reload; }
    public Duration interval() { return interval; }
    public boolean revocationOnline() { return revocationOnline; }
    public Duration revocationTimeout() { return revocationTimeout; }
    public long revocationMaxBytes() { return revocationMaxBytes; }
    public Duration revocationCache() { return revocationCache; }

    /** The policy of one sending organisation: its own key, else the general one. */
    public Policy policy(String organId) {
        return organId == null ? policy : policies.getOrDefault(organId, policy);
    }

    /** Certificate organisation names configured for {@code organId} (empty when none). */
    public List<String> organisationNames(String organId) {
        return organisationNames.getOrDefault(organId, List.of());
    }

    private static Policy parsePolicy(String value) {
        try {
            return Policy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(POLICY + " must be off, flag or refuse, not " + value, e);
        }
    }

    private static List<Path> paths(String value) {
        return list(value).stream().map(Path::of).toList();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
