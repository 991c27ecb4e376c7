package vn.lienthong.axis.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves organisation codes to the systems that serve them, through the directory's old/new code pairs, and
 * recognises the organisations the simulator answers for itself (counterparts).
 */
final class Router {

    static final String COUNTERPART_PREFIX = "counterpart:";

    private final List<SystemAccount> systems;
    private final AgencyDirectory directory;
    private final Set<String> counterparts;

    Router(List<SystemAccount> systems, AgencyDirectory directory, Set<String> counterparts) {
        this.systems = systems;
        this.directory = directory;
        this.counterparts = counterparts;
    }

    /**
     * @return recipient key ({@code systemId} or {@code counterpart:<code>}) → organisation codes it receives for;
     *         one entry per system however many of its organisations are addressed
     */
    Map<String, List<String>> recipients(List<String> targets) throws RoutingException {
        if (targets.isEmpty()) {
            throw new RoutingException("NO_RECIPIENT", "package names no recipient (To / ResponseFor)");
        }
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (String code : targets) {
            String key = recipientOf(code);
            if (key == null) {
                throw new RoutingException("UNKNOWN_RECIPIENT", "no connected system serves " + code);
            }
            List<String> codes = byRecipient.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return byRecipient;
    }

    boolean serves(SystemAccount system, String code) {
        Set<String> equivalents = directory.equivalentCodes(code);
        return system.organIds().stream().anyMatch(equivalents::contains);
    }

    boolean sameOrganisation(String a, String b) {
        return a != null && b != null && directory.equivalentCodes(a).contains(b);
    }

    private String recipientOf(String code) {
        Set<String> equivalents = directory.equivalentCodes(code);
        for (String counterpart : counterparts) {
            if (equivalents.contains(counterpart)) {
                return COUNTERPART_PREFIX + counterpart;
            }
        }
        for (SystemAccount system : systems) {
            if (system.organIds().stream().anyMatch(equivalents::contains)) {
                return system.systemId();
            }
        }
        return null;
    }
}
