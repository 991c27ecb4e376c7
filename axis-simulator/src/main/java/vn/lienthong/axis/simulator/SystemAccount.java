package vn.lienthong.axis.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * A connected system known to the simulator: its HMAC secret and the organisations whose mail it receives.
 * {@link #toString()} never shows the secret.
 */
public record SystemAccount(String systemId, char[] secret, Set<String> organIds) {

    public SystemAccount {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(secret, "secret");
        organIds = Set.copyOf(organIds);
    }

    public static SystemAccount of(String systemId, String secret, String... organIds) {
        return new SystemAccount(systemId, secret.toCharArray(), Set.of(organIds));
    }

    @Override
    public String toString() {
        return "SystemAccount[" + systemId + ", organs=" + organIds + ", secret=***]";
    }
}
