package vn.lienthong.adapter.security.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one definition of the XML-signature algorithms the signed WS-Security profile knows: each with its short id
 * and its URI. What the adapter enforces (the WSS4J algorithm suite), what it signs answers with, and what a test
 * compares with the WSDL's WS-SecurityPolicy all come from here.
 *
 * <p>{@link #legacy} algorithms (SHA-1) are refused unless an operator lists a client in
 * {@code adapter.ws.sha1-clients}; each such use is audited.
 */
public enum XmlSignatureAlgorithm {

    RSA_SHA256(Kind.SIGNATURE, "rsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", 256, false),
    RSA_SHA384(Kind.SIGNATURE, "rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", 384, false),
    RSA_SHA512(Kind.SIGNATURE, "rsa-sha512", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", 512, false),
    RSA_SHA1(Kind.SIGNATURE, "rsa-sha1", "http://www.w3.org/2000/09/xmldsig#rsa-sha1", 160, true),

    SHA256(Kind.DIGEST, "sha256", "http://www.w3.org/2001/04/xmlenc#sha256", 256, false),
    SHA384(Kind.DIGEST, "sha384", "http://www.w3.org/2001/04/xmldsig-more#sha384", 384, false),
    SHA512(Kind.DIGEST, "sha512", "http://www.w3.org/2001/04/xmlenc#sha512", 512, false),
    SHA1(Kind.DIGEST, "sha1", "http://www.w3.org/2000/09/xmldsig#sha1", 160, true),

    /** Exclusive C14N, as canonicalisation method and as the reference transform. */
    EXC_C14N(Kind.CANONICALIZATION, "exc-c14n", "http://www.w3.org/2001/10/xml-exc-c14n#", 0, false);

    /** Shortest RSA key accepted on a request signature (the demo and QCVN keys are 2048 bits). */
    public static final int MIN_RSA_KEY_BITS = 2048;

    /** What the adapter signs its own answers with. */
    public static final XmlSignatureAlgorithm RESPONSE_SIGNATURE = RSA_SHA256;
    public static final XmlSignatureAlgorithm RESPONSE_DIGEST = SHA256;

    public enum Kind {
        SIGNATURE, DIGEST, CANONICALIZATION
    }

    private final Kind kind;
    private final String id;
    private final String uri;
    private final int hashBits;
    private final boolean legacy;

    XmlSignatureAlgorithm(Kind kind, String id, String uri, int hashBits, boolean legacy) {
        this.kind = kind;
        this.id = id;
        this.uri = uri;
        this.hashBits = hashBits;
        this.legacy = legacy;
    }

    public Kind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String uri() {
        return uri;
    }

    /** Output size of the algorithm's hash, bits (0 for canonicalisation). */
    public int hashBits() {
        return hashBits;
    }

    /** True for SHA-1 based algorithms: accepted only for clients an operator named. */
    public boolean legacy() {
        return legacy;
    }

    public static Optional<XmlSignatureAlgorithm> fromUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri.equals(uri)).findFirst();
    }

    public static Optional<XmlSignatureAlgorithm> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    /** The URIs of one kind: the strong ones, plus the legacy ones when {@code withLegacy}. */
    public static Set<String> uris(Kind kind, boolean withLegacy) {
        Set<String> uris = new LinkedHashSet<>();
        for (XmlSignatureAlgorithm a : values()) {
            if (a.kind == kind && (withLegacy || !a.legacy)) {
                uris.add(a.uri);
            }
        }
        return uris;
    }

    /** True when the URI names a known legacy (SHA-1) algorithm. */
    public static boolean isLegacy(String uri) {
        return fromUri(uri).map(XmlSignatureAlgorithm::legacy).orElse(false);
    }

    /** True when the URI names an algorithm of the kind that is accepted without a per-client exception. */
    public static boolean isStrong(Kind kind, String uri) {
        return fromUri(uri).filter(a -> a.kind == kind && !a.legacy).isPresent();
    }
}
