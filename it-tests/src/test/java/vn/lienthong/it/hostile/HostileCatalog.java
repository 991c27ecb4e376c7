package vn.lienthong.it.hostile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every hostile scenario of the suite, in the order they run. Ids are unique and stable (docs/security.md). */
public final class HostileCatalog {

    private HostileCatalog() {
    }

    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(WsScenarios.all());
        all.addAll(LegacyScenarios.all());
        all.addAll(AdminScenarios.tokenIssue());
        all.addAll(AdminScenarios.admin());
        Set<String> ids = new HashSet<>();
        for (Scenario s : all) {
            if (!ids.add(s.id())) {
                throw new IllegalStateException("duplicate scenario id " + s.id());
            }
        }
        return all;
    }
}
