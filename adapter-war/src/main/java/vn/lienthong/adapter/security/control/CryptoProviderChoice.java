package vn.lienthong.adapter.security.control;

import java.security.Provider;
import java.security.Security;
import java.util.Locale;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Chooses the JCA provider for signatures, digests and MACs at start ({@code adapter.crypto.provider}):
 * {@code auto} puts Amazon Corretto Crypto Provider (ACCP, native AWS-LC code: RSA-2048 signing about 1.7×,
 * verification about 2× the JDK's on this machine) first when its native library loads and passes its self-tests,
 * else leaves the JDK's providers; {@code accp} requires it (start fails otherwise); {@code jdk} never uses it.
 * Algorithms ACCP lacks (PBKDF2, for one) still come from the JDK's providers behind it.
 *
 * <p>A native library is loaded once per JVM: on Payara Server a redeployed application gets a new class loader,
 * which could not load it again. So a provider registered by an earlier deployment (or by the server) is reused
 * as it is — found by name, moved to the front if needed — and never loaded a second time; it is also left
 * registered when the application stops, for the next deployment to reuse.
 */
public final class CryptoProviderChoice {

    public static final String ACCP_NAME = "AmazonCorrettoCryptoProvider";

    private CryptoProviderChoice() {
    }

    /** Applies the setting; returns the one line to log. Fails for {@code accp} when ACCP cannot be used. */
    public static String apply(String setting) {
        String mode = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "jdk" -> {
                if (Security.getProvider(ACCP_NAME) != null) {
                    Security.removeProvider(ACCP_NAME); // registered by an earlier deployment in this JVM
                }
                return "crypto provider: JDK (adapter.crypto.provider=jdk)";
            }
            case "accp", "auto" -> {
                String unavailable = installAccp();
                if (unavailable == null) {
                    return "crypto provider: ACCP " + Security.getProvider(ACCP_NAME).getVersionStr() + " (native)";
                }
                if (mode.equals("accp")) {
                    throw new IllegalStateException("adapter.crypto.provider=accp, but ACCP cannot be used: "
                            + unavailable);
                }
                return "crypto provider: JDK (ACCP unavailable: " + unavailable + ")";
            }
            default -> throw new IllegalArgumentException(
                    "adapter.crypto.provider must be auto, jdk or accp, not '" + setting + "'");
        }
    }

    /** The name of the provider the JDK now picks first for SHA256withRSA. */
    public static String rsaSignatureProvider() {
        try {
            return java.security.Signature.getInstance("SHA256withRSA").getProvider().getName();
        } catch (java.security.NoSuchAlgorithmException e) {
            return "none";
        }
    }

    /** Null when ACCP is the first provider now, else why it is not. */
    private static String installAccp() {
        Provider registered = Security.getProvider(ACCP_NAME);
        if (registered != null) {
            if (Security.getProviders()[0] != registered) {
                Security.removeProvider(ACCP_NAME);
                Security.insertProviderAt(registered, 1);
            }
            return null;
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                return accp.getLoadingError().toString();
            }
            accp.assertHealthy(); // its self-tests passed
            Security.insertProviderAt(accp, 1);
            return null;
        } catch (LinkageError | RuntimeException e) {
            // no native library for this platform, or one of another class loader: the JDK it is
            return e.toString();
        }
    }
}
