package vn.lienthong.adapter.operations.boundary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Readiness: the data folder (packages, attachments) takes a new file and its file system has more free space
 * than {@code adapter.health.min-free-mb}. Shows neither the path nor the figures: only whether each holds.
 */
@Readiness
@ApplicationScoped
public class DataFolderReadiness implements HealthCheck {

    @Inject
    AdapterSettings settings;

    @Override
    public HealthCheckResponse call() {
        Path dir = settings.dataDir();
        boolean writable = writable(dir);
        boolean space = freeBytes(dir) >= settings.operations().minFreeBytes();
        return HealthCheckResponse.named("data-folder").status(writable && space)
                .withData("writable", writable).withData("freeSpace", space ? "ok" : "low").build();
    }

    /** Creates and deletes a file: what storing a package needs (permissions, read-only mounts, inode limits). */
    static boolean writable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".ready-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static long freeBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
