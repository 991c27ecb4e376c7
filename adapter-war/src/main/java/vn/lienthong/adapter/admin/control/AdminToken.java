package vn.lienthong.adapter.admin.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * The one credential of the admin operations: a bearer token from {@value AdapterSettings#ADMIN_TOKEN}, or in
 * demo mode a random token generated on first start into {@code <data>/admin-token} (owner-readable only).
 * Without either, admin operations are switched off. Only a digest is kept in memory; comparison is constant-time.
 */
@Singleton
@Startup
public class AdminToken {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());

    @Inject
    AdapterSettings settings;

    private Optional<byte[]> digest = Optional.empty();

    @PostConstruct
    void load() {
        Optional<String> token = settings.adminToken().or(this::demoToken);
        if (token.isPresent() && token.get().length() < MIN_LENGTH) {
            LOG.severe(() -> AdapterSettings.ADMIN_TOKEN + " is shorter than " + MIN_LENGTH
                    + " characters: admin operations are switched off");
            return;
        }
        digest = token.map(AdminToken::sha256);
        LOG.info(() -> digest.isPresent() ? "Admin operations enabled at /admin (bearer token)"
                : "Admin operations switched off: no " + AdapterSettings.ADMIN_TOKEN + " configured");
    }

    public boolean enabled() {
        return digest.isPresent();
    }

    public boolean matches(String presented) {
        return presented != null && digest.isPresent() && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private Optional<String> demoToken() {
        if (!settings.demoEnabled()) {
            return Optional.empty();
        }
        Path file = settings.dataDir().resolve("admin-token");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                create(file, HexFormat.of().formatHex(random));
                LOG.info(() -> "Demo admin token written to " + file);
            }
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the demo admin token " + file, e);
        }
    }

    private static void create(Path file, String token) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system (Windows): rely on the folder's permissions
        } catch (FileAlreadyExistsException e) {
            return; // another node on the same data folder was first: use its token
        }
        Files.writeString(file, token);
    }

    private static byte[] sha256(String s) {
        return Sha256.ofText(s);
    }
}
