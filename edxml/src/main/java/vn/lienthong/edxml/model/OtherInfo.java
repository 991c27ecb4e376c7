package vn.lienthong.edxml.model;

import java.util.List;

/**
 * {@code OtherInfo} (spec §3.3). {@code priority} is the raw integer so that out-of-range values received from
 * the axis survive a round trip; use {@link Priority#of(int)} for the typed view.
 */
public record OtherInfo(Integer priority, String sphereOfPromulgation, String typerNotation,
                        Integer promulgationAmount, Integer pageAmount, Boolean direction, List<String> appendixes) {

    public OtherInfo {
        appendixes = appendixes == null ? List.of() : List.copyOf(appendixes);
    }
}
