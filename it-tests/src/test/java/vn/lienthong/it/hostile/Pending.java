package vn.lienthong.it.hostile;

import java.util.Map;
import java.util.Set;

/**
 * What the suite requires but this build does not do yet, by the branch of issue 9 that brings it. A scenario (or
 * one check of it) tagged with a key of {@link #NOT_YET_MERGED} is reported as skipped ("pending: …") instead of
 * failing. After merging a branch, remove its key: its scenarios then run and must pass.
 */
public final class Pending {

    /** Keys: branch names (or gaps no branch owns yet); values: what it brings. Empty: everything is merged. */
    public static final Map<String, String> NOT_YET_MERGED = Map.of();

    private Pending() {
    }

    public static boolean pending(String need) {
        return need != null && NOT_YET_MERGED.containsKey(need);
    }

    public static Set<String> keys() {
        return NOT_YET_MERGED.keySet();
    }
}
