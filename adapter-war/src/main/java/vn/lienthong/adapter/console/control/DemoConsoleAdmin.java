package vn.lienthong.adapter.console.control;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.console.entity.ConsoleRole;

/**
 * Demo mode: on first start (no console user yet), creates the administrator {@value #DEMO_ADMIN} with a random
 * password and writes both to {@code <keys>/console-admin.properties} (owner-readable only), where {@code run.sh}
 * finds them. The password is stored in the database only as a salted hash; change it by creating your own
 * administrator and disabling this one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DemoConsoleAdmin {

    public static final String DEMO_ADMIN = "demo-admin";
    public static final String FILE = "console-admin.properties";
    private static final Logger LOG = Logger.getLogger(DemoConsoleAdmin.class.getName());

    @Inject
    AdapterSettings settings;
    @Inject
    ConsoleUsers users;

    @PostConstruct
    void createOnFirstStart() {
        if (!settings.demoEnabled() || users.anyExists()) {
            return;
        }
        String password = users.create(DEMO_ADMIN, ConsoleRole.ADMINISTRATOR, List.of(), "demo");
        Properties p = new Properties();
        p.setProperty("username", DEMO_ADMIN);
        p.setProperty("password", password);
        p.setProperty("role", ConsoleRole.ADMINISTRATOR.roleName());
        Path file = settings.keysDir().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Demo administrator of the operations console (generated on first start; demo mode only)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
        LOG.info(() -> "Demo console administrator '" + DEMO_ADMIN + "' created; see " + file);
    }
}
