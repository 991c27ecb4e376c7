package vn.lienthong.edxml.id;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bidirectional map between old codes (QCVN 102 / the axis {@code oldCode} or {@code code102}) and new codes
 * (QĐ 20/2020), synchronised from the axis agency lists (spec §11.3). History is kept: a changed pair never
 * overwrites the earlier one; lookups answer with the latest. Feed it entry by entry while stream-parsing the
 * 100k-entry directory. Thread-safe.
 */
public final class OldNewCodeMap {

    /** One directory row: {@code getAgenciesList} gives code + oldCode, {@code getAgenciesListQD20} code + code102. */
    public record AgencyCode(String code, String oldCode) {
    }

    private final Map<String, List<String>> newByOld = new HashMap<>();
    private final Map<String, List<String>> oldByNew = new HashMap<>();

    public static OldNewCodeMap load(Iterable<AgencyCode> rows) {
        OldNewCodeMap map = new OldNewCodeMap();
        rows.forEach(map::add);
        return map;
    }

    /** Adds a pair; rows without both codes or with equal codes carry no mapping and are skipped. */
    public synchronized void add(AgencyCode row) {
        String code = blankToNull(row.code());
        String old = blankToNull(row.oldCode());
        if (code == null || old == null || code.equals(old)) {
            return;
        }
        append(newByOld, old, code);
        append(oldByNew, code, old);
    }

    public void add(String newCode, String oldCode) {
        add(new AgencyCode(newCode, oldCode));
    }

    public synchronized Optional<String> newCodeFor(String oldCode) {
        return latest(newByOld, oldCode);
    }

    public synchronized Optional<String> oldCodeFor(String newCode) {
        return latest(oldByNew, newCode);
    }

    /** Every code ever paired with {@code code}, oldest first (audit and history). */
    public synchronized List<String> history(String code) {
        List<String> all = new ArrayList<>(newByOld.getOrDefault(code, List.of()));
        all.addAll(oldByNew.getOrDefault(code, List.of()));
        return List.copyOf(all);
    }

    /** The code to identify one organisation by: its current new code when known, else the code itself. */
    public synchronized String canonical(String code) {
        return newCodeFor(code).orElse(code);
    }

    /** True when both codes denote the same organisation (a recipient listed under old and new code = one). */
    public boolean sameOrganisation(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        return a != null && b != null && canonical(a).equals(canonical(b));
    }

    public synchronized int size() {
        return newByOld.size();
    }

    private static void append(Map<String, List<String>> map, String key, String value) {
        List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>());
        values.remove(value);
        values.add(value);
    }

    private static Optional<String> latest(Map<String, List<String>> map, String key) {
        List<String> values = map.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
