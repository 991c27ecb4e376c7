package vn.lienthong.adapter.backup.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import vn.lienthong.adapter.platform.io.Sha256;

/**
 * {@code MANIFEST.sha256} of a backup folder: one line {@code <sha256>  <relative path>} per file, sorted — the
 * format of {@code sha256sum}, so {@code sha256sum -c MANIFEST.sha256} checks a backup without the adapter.
 */
public final class BackupManifest {

    public static final String FILE = "MANIFEST.sha256";

    private BackupManifest() {
    }

    /** Writes the manifest over every file under {@code folder}; returns {files, bytes}. */
    public static long[] write(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                if (relative.equals(FILE)) {
                    continue;
                }
                lines.add(Sha256.of(f) + "  " + relative);
                bytes += Files.size(f);
            }
        }
        Files.write(folder.resolve(FILE), lines, StandardCharsets.UTF_8);
        return new long[] {lines.size(), bytes};
    }

    /** The files whose sum does not match (or that are missing); empty when the backup is intact. */
    public static List<String> verify(Path folder) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String sum = line.substring(0, 64);
            String relative = line.substring(66);
            Path f = folder.resolve(relative).normalize();
            if (!f.startsWith(folder) || !Files.isRegularFile(f) || !Sha256.of(f).equals(sum)) {
                bad.add(relative);
            }
        }
        return bad;
    }
}
