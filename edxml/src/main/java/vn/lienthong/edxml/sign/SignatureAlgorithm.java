package vn.lienthong.edxml.sign;

/**
 * The algorithm policy of spec §10.2: RSA-SHA256 by default; RSA-SHA1 only as an explicit axis-compatibility
 * choice (what the vendor samples declare); ECDSA-SHA256 for EC keys.
 */
public enum SignatureAlgorithm {
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256",
            "SHA-256", "RSA"),
    RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1", "RSA"),
    ECDSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256",
            "SHA-256", "EC");

    public static final SignatureAlgorithm DEFAULT = RSA_SHA256;

    private final String signatureUri;
    private final String digestUri;
    private final String digestJcaName;
    private final String keyAlgorithm;

    SignatureAlgorithm(String signatureUri, String digestUri, String digestJcaName, String keyAlgorithm) {
        this.signatureUri = signatureUri;
        this.digestUri = digestUri;
        this.digestJcaName = digestJcaName;
        this.keyAlgorithm = keyAlgorithm;
    }

    public String signatureUri() {
        return signatureUri;
    }

    public String digestUri() {
        return digestUri;
    }

    String digestJcaName() {
        return digestJcaName;
    }

    /** JCA key algorithm ("RSA" or "EC") the private key must have. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public static java.util.Optional<SignatureAlgorithm> bySignatureUri(String uri) {
        for (SignatureAlgorithm a : values()) {
            if (a.signatureUri.equals(uri)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
