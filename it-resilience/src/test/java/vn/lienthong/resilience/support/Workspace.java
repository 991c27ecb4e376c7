package vn.lienthong.resilience.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Folders, free loopback ports, secrets and the figures file of a resilience run. */
public final class Workspace {

    private Workspace() {
    }

    /** A fresh folder {@code it.work.dir/name}, emptied first. */
    public static Path fresh(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.work.dir", "target/resilience")).resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Appends measured figures to {@code it.work.dir/figures.txt} and prints them. */
    public static void figure(String line) throws IOException {
        Path file = Path.of(System.getProperty("it.work.dir", "target/resilience")).resolve("figures.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println("FIGURE " + line);
    }
}
