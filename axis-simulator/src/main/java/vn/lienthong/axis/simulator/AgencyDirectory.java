package vn.lienthong.axis.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation directory behind getAgenciesList / getAgenciesListQD20 and behind routing, so that a package
 * addressed with an old code reaches the system registered with the new one and vice versa.
 *
 * <p>File format, one entry per line, {@code |}-separated, {@code #} comments:
 * {@code id|pid|code102|oldCode|codeQd20|name|mail}.
 */
public final class AgencyDirectory {

    private static final String BUILT_IN = "demo-directory.psv";

    private final List<AgencyEntry> entries;
    private final Map<String, AgencyEntry> byAnyCode = new HashMap<>();

    public AgencyDirectory(List<AgencyEntry> entries) {
        this.entries = List.copyOf(entries);
        for (AgencyEntry entry : this.entries) {
            index(entry.code102(), entry);
            index(entry.oldCode(), entry);
            index(entry.codeQd20(), entry);
        }
    }

    public static AgencyDirectory builtIn() {
        try (InputStream in = AgencyDirectory.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AgencyDirectory read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    static AgencyDirectory parse(InputStream in) throws IOException {
        List<AgencyEntry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("\\|", -1);
            if (f.length != 7) {
                throw new IOException("directory line " + number + ": expected 7 fields, found " + f.length);
            }
            entries.add(new AgencyEntry(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(),
                    f[5].strip(), f[6].strip()));
        }
        return new AgencyDirectory(entries);
    }

    public List<AgencyEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The code itself plus every other code the directory knows for the same organisation. */
    public Set<String> equivalentCodes(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        AgencyEntry entry = byAnyCode.get(code);
        if (entry != null) {
            for (String other : new String[] {entry.code102(), entry.codeQd20(), entry.oldCode()}) {
                if (other != null && !other.isEmpty()) {
                    codes.add(other);
                }
            }
        }
        return codes;
    }

    public String nameOf(String code) {
        AgencyEntry entry = byAnyCode.get(code);
        return entry == null ? code : entry.name();
    }

    private void index(String code, AgencyEntry entry) {
        if (code != null && !code.isEmpty()) {
            byAnyCode.putIfAbsent(code, entry);
        }
    }
}
