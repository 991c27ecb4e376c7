package vn.lienthong.edxml.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared EDXML fixtures, used in place (never copied into the repository). Surefire passes
 * {@code fixtures.dir}; otherwise the folder is found as {@code ../shared/fixtures} next to the repository root.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("fixtures.dir");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("fixtures not found: set -Dfixtures.dir");
        }
        return dir.resolve("../shared/fixtures").normalize();
    }

    public static Path vendor(String name) {
        return root().resolve("edxml/vendor-sdk-2019").resolve(name);
    }

    public static Path nonconforming(String name) {
        return root().resolve("edxml/nonconforming").resolve(name);
    }

    public static List<Path> vendorFiles() {
        return list(root().resolve("edxml/vendor-sdk-2019"));
    }

    public static List<Path> nonconformingFiles() {
        return list(root().resolve("edxml/nonconforming"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".edxml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }
}
