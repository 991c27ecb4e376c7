package vn.lienthong.edxml.model;

import java.util.List;

/** A document replaced by this one (business type 3) and the organisations that had received it. */
public record ReplacementInfo(String documentId, List<String> organIds) {

    public ReplacementInfo {
        organIds = organIds == null ? List.of() : List.copyOf(organIds);
    }
}
