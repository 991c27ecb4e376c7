package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the connected systems from a properties file:
 * <pre>
 * # system ids may contain dots; the suffix after the last dot says what the line is
 * demo.system.01.secret = env:DEMO_SYSTEM_01_SECRET
 * demo.system.01.organs = 000.00.00.H41, 000.00.00.H14
 * </pre>
 * A secret written as {@code env:NAME} is read from the environment so real-looking secrets stay out of files.
 */
public final class SystemsFile {

    private SystemsFile() {
    }

    public static List<SystemAccount> read(Path file) throws IOException {
        return read(file, System::getenv);
    }

    static List<SystemAccount> read(Path file, Function<String, String> environment) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, Set<String>> organs = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.endsWith(".secret")) {
                secrets.put(key.substring(0, key.length() - ".secret".length()), resolveSecret(key, value, environment));
            } else if (key.endsWith(".organs")) {
                Set<String> codes = new LinkedHashSet<>();
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(codes::add);
                organs.put(key.substring(0, key.length() - ".organs".length()), codes);
            } else {
                throw new IllegalArgumentException(file + ": unknown key " + key + " (expected <systemId>.secret or .organs)");
            }
        }
        List<SystemAccount> accounts = new ArrayList<>();
        secrets.forEach((systemId, secret) -> accounts.add(
                new SystemAccount(systemId, secret.toCharArray(), organs.getOrDefault(systemId, Set.of()))));
        organs.keySet().stream().filter(id -> !secrets.containsKey(id)).findAny().ifPresent(id -> {
            throw new IllegalArgumentException(file + ": system " + id + " has organs but no secret");
        });
        return accounts;
    }

    private static String resolveSecret(String key, String value, Function<String, String> environment) {
        if (!value.startsWith("env:")) {
            return value;
        }
        String resolved = environment.apply(value.substring(4));
        if (resolved == null || resolved.isEmpty()) {
            throw new IllegalArgumentException(key + ": environment variable " + value.substring(4) + " is not set");
        }
        return resolved;
    }
}
