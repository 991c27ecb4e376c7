package vn.lienthong.adapter.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of the audit chain: every entry's chain value is an HMAC-SHA256 under this key, so someone who can
 * rewrite the database (but not read the key store folder) cannot recompute the chain after changing a row. Kept
 * in {@code <keys>/audit-key} (32 random bytes, base64, owner-readable only), never in the database, never logged:
 * only its id — a truncated HMAC of a constant, which reveals nothing of the key — is stored with each entry.
 */
public final class ChainKey {

    public static final String FILE_NAME = "audit-key";
    private static final int BYTES = 32;

    private final SecretKeySpec secret;
    private final String id;

    private ChainKey(byte[] key) {
        if (key.length < BYTES) {
            throw new IllegalArgumentException("audit key too short: " + key.length + " bytes, need " + BYTES);
        }
        this.secret = new SecretKeySpec(key, "HmacSHA256");
        this.id = mac("audit-key-id").substring(0, 16);
    }

    /** A key from its bytes (tests, or a key supplied by other means). */
    public static ChainKey of(byte[] key) {
        return new ChainKey(key.clone());
    }

    /**
     * Reads the key file, creating it with a fresh random key when it does not exist. Creation is atomic (written
     * to a temporary file, then linked into place only if no file is there), so a node killed half-way leaves no
     * truncated key, and two nodes starting together on one data folder end up with the same key.
     */
    public static ChainKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new ChainKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key " + file + " is not 32+ bytes of base64", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(file.getParent(), ".audit-key-", ".tmp");
        try {
            restrict(tmp);
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another node was first: use its key
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file); // no hard links on this file system: fails too if the file appeared
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the keys folder's own permissions apply
        }
    }

    /** Identifies the key in stored rows (so a row chained with another node's key is recognised as such). */
    public String id() {
        return id;
    }

    /** HMAC-SHA256 of the UTF-8 text, lower-case hex. */
    public String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of a stored MAC with the expected one. */
    public static boolean same(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ChainKey[id=" + id + "]"; // never the secret
    }
}
