package vn.lienthong.adapter.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Slows down password and token guessing on every face (WS-Security UsernameToken, old-protocol OrganId + Token):
 * after {@code adapter.auth.max-failures} failed logins for one account ({@code adapter.auth.max-failures-per-address}
 * for one client address) within {@code adapter.auth.failure-window-seconds},
 * every attempt for that key — the right password included — is refused until the window ends. Callers count a
 * failure under several keys (the user or organisation, and the client address: see {@link #user}, {@link #organ},
 * {@link #address}), so neither spreading guesses over accounts from one address nor over addresses for one account
 * escapes it. Per node, in memory: an attacker spreading over nodes gains a factor of the node count, nothing more.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int DEFAULT_MAX_FAILURES = 10;
    /** Many users may share one address (an agency's NAT): it gets a larger allowance than one account. */
    public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 100;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** Beyond this many tracked keys, windows that ended are dropped (memory bound under a flood of names). */
    private static final int PRUNE_ABOVE = 10_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private int maxFailures = DEFAULT_MAX_FAILURES;
    private int maxFailuresPerAddress = DEFAULT_MAX_FAILURES_PER_ADDRESS;
    private Duration window = DEFAULT_WINDOW;

    /** With the default limits (tests, and CDI before {@link #configure}). */
    public LoginThrottle() {
    }

    public LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    @Inject
    void configure(AdapterSettings settings) {
        this.maxFailures = settings.authMaxFailures();
        this.maxFailuresPerAddress = settings.authMaxFailuresPerAddress();
        this.window = settings.authFailureWindow();
    }

    public static String user(String name) {
        return "user:" + name;
    }

    public static String organ(String organId) {
        return "organ:" + organId;
    }

    public static String address(String clientAddress) {
        return "addr:" + clientAddress;
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** True when any of the keys has had too many failures in its current window. */
    public boolean locked(String... keys) {
        Instant now = Instant.now();
        for (String key : keys) {
            Window w = key == null ? null : windows.get(key);
            int limit = key != null && key.startsWith("addr:") ? maxFailuresPerAddress : maxFailures;
            if (w != null && w.failures() >= limit && now.isBefore(w.start().plus(window))) {
                return true;
            }
        }
        return false;
    }

    /** Counts one failed login under every key. */
    public void failed(String... keys) {
        Instant now = Instant.now();
        for (String key : keys) {
            if (key != null) {
                windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                        ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
            }
        }
        if (windows.size() > PRUNE_ABOVE) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(window)));
        }
    }

    /**
     * A successful login clears the account's count. The client address keeps its count: one valid account must
     * not let an address reset its guesses at other accounts.
     */
    public void succeeded(String accountKey) {
        windows.remove(accountKey);
    }
}
