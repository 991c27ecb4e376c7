package vn.lienthong.adapter.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Remembers, for a short time, that a user name and password verified against a stored PBKDF2 hash, so that a
 * client sending the same credential on every request pays the deliberately slow PBKDF2 once per period instead
 * of on every request (it was 44 % of the server's CPU under load).
 *
 * <p>What is kept is not the password: the key is HMAC-SHA256 under a random secret made when the process starts
 * (never stored, never logged) over the user name and the password, so a heap dump yields nothing that can be
 * tested offline without that secret, which dies with the process. The value is the stored hash the password was
 * verified against: a hit counts only while the credential still carries that very hash, so a changed password
 * (a new salt and hash) is never served from here, and the caller checks that the credential exists and is enabled
 * before asking. Only successes are remembered: a wrong password always costs the full PBKDF2, and the login
 * throttle and the authorisation rule run on every request, hit or miss. Bounded: the least recently used entries
 * go beyond {@value #MAX_ENTRIES}. TTL {@link AdapterSettings#VERIFIED_CREDENTIAL_TTL}; 0 switches it off.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final int MAX_ENTRIES = 10_000;

    private record Verified(String storedHash, long expiresAtNanos) {
    }

    private final SecretKeySpec secret;
    private final Map<String, Verified> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final LongSupplier clock;
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private long ttlNanos;

    /** For CDI: TTL from the settings ({@link #configure}). */
    public VerifiedCredentials() {
        this(Duration.ofSeconds(300), System::nanoTime);
    }

    /** For tests: a given TTL and clock (nanoseconds). */
    public VerifiedCredentials(Duration ttl, LongSupplier clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    @Inject
    void configure(AdapterSettings settings) {
        this.ttlNanos = settings.verifiedCredentialTtl().toNanos();
    }

    public boolean enabled() {
        return ttlNanos > 0;
    }

    /** True when this user name and password were verified against {@code storedHash} within the TTL. */
    public boolean verified(String username, char[] password, String storedHash) {
        if (!enabled() || storedHash == null) {
            return false;
        }
        String key = key(username, password);
        Verified v;
        synchronized (entries) {
            v = entries.get(key);
        }
        if (v == null) {
            return false;
        }
        if (clock.getAsLong() - v.expiresAtNanos() >= 0 || !MessageDigest.isEqual(
                v.storedHash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII))) {
            forget(key);
            return false;
        }
        return true;
    }

    /** Records a successful PBKDF2 verification of this user name and password against {@code storedHash}. */
    public void remember(String username, char[] password, String storedHash) {
        if (!enabled() || storedHash == null) {
            return;
        }
        String key = key(username, password);
        Verified v = new Verified(storedHash, clock.getAsLong() + ttlNanos);
        synchronized (entries) {
            entries.put(key, v);
        }
    }

    /**
     * Runs the PBKDF2 check {@code pbkdf2} for this user name, password and stored hash, once for all callers that
     * ask at the same moment (a client's threads after a restart would otherwise each pay it), and remembers a
     * success. Every caller gets the same answer; a failure is not remembered.
     */
    public boolean verifyOnce(String username, char[] password, String storedHash, BooleanSupplier pbkdf2) {
        if (!enabled() || storedHash == null) {
            return pbkdf2.getAsBoolean();
        }
        String key = key(username, password) + "|" + storedHash;
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            waiting.incrementAndGet();
            try {
                return running.join();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            boolean ok = pbkdf2.getAsBoolean();
            if (ok) {
                remember(username, password, storedHash);
            }
            mine.complete(ok);
            return ok;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Callers waiting for another's PBKDF2 check right now (tests). */
    int waiting() {
        return waiting.get();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void forget(String key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    // Length-prefixed user name, so that ("ab", "c…") and ("a", "bc…") never share a key.
    private String key(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            mac.update(Integer.toString(user.length).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            mac.update(user);
            java.nio.ByteBuffer pw = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
            try {
                mac.update(pw.duplicate());
            } finally {
                if (pw.hasArray()) {
                    java.util.Arrays.fill(pw.array(), (byte) 0); // no copy of the password left behind
                }
            }
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
