package vn.lienthong.axis.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request whose signature checked out: the calling system and the signed parameters, in signed order.
 *
 * <p>SDK users spell the same parameter {@code docId} and {@code docid}, and because the SDK keeps every header it
 * ever set on a service object, both spellings can arrive in one request, with different values: in the vendor's
 * example loop a getEdoc with {@code docId} carries the previous updateStatus's {@code docid}, and an updateStatus
 * with {@code docid} carries the last getEdoc's {@code docId}. So an operation asks for a parameter in the spelling
 * that call uses, which wins when present; otherwise any spelling is taken, and two spellings with two values are
 * refused with {@code AMBIGUOUS_PARAMETER} rather than fetch or acknowledge an item the caller may not mean.
 */
record VerifiedRequest(SystemAccount system, List<Map.Entry<String, String>> signedParameters) {

    VerifiedRequest {
        signedParameters = List.copyOf(signedParameters);
    }

    /**
     * @param name the spelling this operation's callers use; an exact match wins over other spellings
     * @return the value of the parameter, or null when it was not signed in any spelling
     * @throws RoutingException {@code AMBIGUOUS_PARAMETER} when there is no exact match and other spellings
     *                          carry different values
     */
    String parameter(String name) throws RoutingException {
        for (Map.Entry<String, String> parameter : signedParameters) {
            if (parameter.getKey().equals(name)) {
                return parameter.getValue();
            }
        }
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
