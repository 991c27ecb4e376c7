package vn.lienthong.edxml.model;

import java.util.List;

/** {@code TraceHeaderList}: the business block (may be absent) and the hops, sender first. */
public record TraceHeaderList(Bussiness bussiness, List<TraceHeader> traceHeaders) {

    public TraceHeaderList {
        traceHeaders = traceHeaders == null ? List.of() : List.copyOf(traceHeaders);
    }
}
