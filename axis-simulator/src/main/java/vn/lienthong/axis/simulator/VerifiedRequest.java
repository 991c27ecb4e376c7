package vn.lienthong.axis.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request whose signature checked out: the calling system and the signed parameters, in signed order.
 *
 * <p>Names are compared without case: SDK users spell the same parameter {@code docId} and {@code docid}, and
 * because the SDK keeps every header it ever set on a service object, both spellings can arrive in one request
 * (a {@code docId} left over from an earlier getEdoc next to this updateStatus's {@code docid}). When the spellings
 * carry one value it is used; when they disagree the simulator cannot know which one the caller meant and refuses
 * with {@code AMBIGUOUS_PARAMETER} rather than acknowledge or fetch the wrong item. Only the parameters an
 * operation reads are checked, so a leftover that agrees or is not used does no harm.
 */
record VerifiedRequest(SystemAccount system, List<Map.Entry<String, String>> signedParameters) {

    VerifiedRequest {
        signedParameters = List.copyOf(signedParameters);
    }

    /**
     * @return the value of the parameter (any spelling), or null when it was not signed
     * @throws RoutingException {@code AMBIGUOUS_PARAMETER} when two spellings carry different values
     */
    String parameter(String name) throws RoutingException {
        Set<String> distinct = new LinkedHashSet<>(signedValues(name));
        if (distinct.size() > 1) {
            throw new RoutingException("AMBIGUOUS_PARAMETER", "the signed headers carry " + distinct.size()
                    + " different values for " + name + " (spelled differently); send it once");
        }
        return distinct.isEmpty() ? null : distinct.iterator().next();
    }

    /** Every signed value of the parameter, whatever the spelling of its name. */
    List<String> signedValues(String name) {
        return signedParameters.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .toList();
    }
}
