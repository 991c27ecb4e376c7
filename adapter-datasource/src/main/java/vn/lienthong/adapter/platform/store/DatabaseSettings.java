package vn.lienthong.adapter.platform.store;

import java.nio.file.Path;

import org.eclipse.microprofile.config.Config;

/** The database settings and their defaults (listed with all other settings in AdapterSettings). */
public record DatabaseSettings(String url, String user, String password) {

    /** Folder for the embedded database, key stores, packages and attachments. */
    public static final String DATA_DIR = "adapter.data.dir";
    /** JDBC URL; default: an H2 file database under the data folder. PostgreSQL: jdbc:postgresql://host/db. */
    public static final String DB_URL = "adapter.db.url";
    public static final String DB_USER = "adapter.db.user";
    public static final String DB_PASSWORD = "adapter.db.password";

    public static Path dataDir(Config c) {
        return Path.of(c.getOptionalValue(DATA_DIR, String.class)
                .orElse(System.getProperty("user.home") + "/lienthong-data")).toAbsolutePath().normalize();
    }

    public static DatabaseSettings from(Config c) {
        // WRITE_DELAY=0: H2 otherwise writes commits up to 500 ms late, and a killed process (kill -9) loses
        // submissions it had already acknowledged (found by it-resilience CrashSafetyIT).
        String url = c.getOptionalValue(DB_URL, String.class).orElse("jdbc:h2:file:"
                + dataDir(c).resolve("db").resolve("lienthong") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return new DatabaseSettings(url, c.getOptionalValue(DB_USER, String.class).orElse("sa"),
                c.getOptionalValue(DB_PASSWORD, String.class).orElse(""));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.replaceAll("password=[^;&]*", "password=***") + ", user=" + user + "]";
    }
}
