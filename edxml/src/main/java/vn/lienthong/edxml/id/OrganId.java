package vn.lienthong.edxml.id;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organisation identifier in one of the two schemes of spec §11:
 * <ul>
 *   <li>{@link Scheme#QCVN102}: {@code V1V2V3.Z1Z2.Y1Y2.M1X1X2}, 13 characters, four groups, written lowest level
 *       first (level 1 last: {@code 000.00.00.G22});</li>
 *   <li>{@link Scheme#QD20}: QĐ 20/2020 — at most 35 characters of A–Z, 0–9 and dots, developed left to right
 *       (level 1 first: {@code G12}, {@code H37.02.02}).</li>
 * </ul>
 * Anything else received on the axis is {@link Scheme#NON_STANDARD} (three-group codes, system ids, tax codes).
 */
public record OrganId(String value, Scheme scheme) {

    public enum Scheme { QCVN102, QD20, NON_STANDARD }

    private static final Pattern QCVN102 = Pattern.compile("^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][A-Z0-9]{2}$");
    private static final Pattern QD20 = Pattern.compile("^[A-Z][A-Z0-9]{2}(\\.[A-Z0-9]+)*$");
    /** What we accept on receipt (spec §11.1 [P]). */
    private static final Pattern RECEIVABLE = Pattern.compile("^[0-9A-Za-z._-]{1,35}$");

    public static OrganId parse(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (QCVN102.matcher(v).matches()) {
            return new OrganId(v, Scheme.QCVN102);
        }
        if (v.length() <= 35 && QD20.matcher(v).matches()) {
            return new OrganId(v, Scheme.QD20);
        }
        return new OrganId(v, Scheme.NON_STANDARD);
    }

    public static boolean isQcvn102(String raw) {
        return raw != null && QCVN102.matcher(raw).matches();
    }

    public static boolean isQd20(String raw) {
        return raw != null && raw.length() <= 35 && QD20.matcher(raw).matches();
    }

    /** A non-empty token of {@code [0-9A-Za-z._-]}, at most 35 characters: acceptable in received packages. */
    public static boolean isReceivable(String raw) {
        return raw != null && RECEIVABLE.matcher(raw).matches();
    }

    public boolean isStandard() {
        return scheme != Scheme.NON_STANDARD;
    }

    /** Groups from level 1 downwards (the QCVN 102 form is reversed so both schemes read the same way). */
    public List<String> groupsFromTop() {
        List<String> groups = List.of(value.split("\\."));
        if (scheme == Scheme.QCVN102) {
            return List.of(groups.get(3), groups.get(2), groups.get(1), groups.get(0));
        }
        return groups;
    }

    /** The level-1 body code, e.g. {@code G22}; empty for non-standard ids. */
    public Optional<String> level1Code() {
        return isStandard() ? Optional.of(groupsFromTop().get(0)) : Optional.empty();
    }

    /** The family letter of the level-1 body: G ministries/government, H provincial committees, K councils, … */
    public Optional<Character> family() {
        return level1Code().map(c -> c.charAt(0));
    }

    /** 1 for a level-1 body; for QCVN 102 the deepest non-zero group decides ({@code 000.00.05.H41} is 2). */
    public int level() {
        if (!isStandard()) {
            return 0;
        }
        if (scheme == Scheme.QD20) {
            return groupsFromTop().size();
        }
        List<String> g = groupsFromTop();
        int level = 1;
        for (int i = 1; i < g.size(); i++) {
            if (!g.get(i).chars().allMatch(ch -> ch == '0')) {
                level = i + 1;
            }
        }
        return level;
    }

    /** The managing body one level up; empty for level-1 bodies and non-standard ids. */
    public Optional<OrganId> parent() {
        int level = level();
        if (level <= 1) {
            return Optional.empty();
        }
        List<String> g = new java.util.ArrayList<>(groupsFromTop());
        if (scheme == Scheme.QD20) {
            return Optional.of(new OrganId(String.join(".", g.subList(0, g.size() - 1)), Scheme.QD20));
        }
        g.set(level - 1, "0".repeat(g.get(level - 1).length()));
        return Optional.of(new OrganId(g.get(3) + "." + g.get(2) + "." + g.get(1) + "." + g.get(0), Scheme.QCVN102));
    }

    /** True when {@code other} lies below this organisation in the same scheme. */
    public boolean isAncestorOf(OrganId other) {
        for (Optional<OrganId> p = other.parent(); p.isPresent(); p = p.get().parent()) {
            if (p.get().value.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The QCVN 102 form of a level-1 QĐ 20 code ({@code G12} → {@code 000.00.00.G12}), the one relation real
     * traffic shows; deeper codes need the axis directory ({@link OldNewCodeMap}).
     */
    public Optional<String> level1Qcvn102Form() {
        if (scheme == Scheme.QD20 && level() == 1) {
            return Optional.of("000.00.00." + value);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
