package vn.lienthong.axis.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request whose signature checked out: the calling system and the signed parameters. Parameters are looked up
 * case-insensitively because SDK users spell the same header {@code docId} and {@code docid}.
 */
record VerifiedRequest(SystemAccount system, Map<String, String> parameters) {

    VerifiedRequest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(parameters);
        parameters = Collections.unmodifiableMap(copy);
    }

    String parameter(String name) {
        return parameters.get(name);
    }
}
