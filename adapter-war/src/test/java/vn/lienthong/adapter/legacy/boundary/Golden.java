package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/legacy}: compares, or with {@code -Dgolden.update=true}
 * (re)writes the expected file so a deliberate change is reviewed as a diff.
 */
final class Golden {

    static final Path SOURCE = Path.of("src/test/resources/golden/legacy");

    private Golden() {
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/legacy/" + name)) {
            if (in == null) {
                throw new IOException("missing golden input " + name);
            }
            return in.readAllBytes();
        }
    }

    static void assertMatches(String expectedName, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SOURCE.resolve(expectedName), actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(new String(bytes(expectedName), StandardCharsets.UTF_8), actual, expectedName);
    }
}
