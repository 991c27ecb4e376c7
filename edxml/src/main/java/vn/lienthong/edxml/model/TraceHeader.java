package vn.lienthong.edxml.model;

import java.time.LocalDateTime;

/** One hop: organisation and local Vietnam time (no zone is written, spec §14). OrganId may be absent in traffic. */
public record TraceHeader(String organId, LocalDateTime timestamp) {
}
