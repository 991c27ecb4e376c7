package vn.lienthong.edxml.model;

import java.time.LocalDateTime;

/**
 * A status package ("gói tin trạng thái", spec §7). {@code statusCode} is kept as received (normalised to two
 * digits) so unknown codes pass through; {@link #code()} gives the typed view.
 */
public record StatusPackage(Organization from, ResponseFor responseFor, StaffInfo staffInfo, String statusCode,
                            String description, LocalDateTime timestamp) {

    public StatusCode code() {
        return StatusCode.fromCode(statusCode);
    }
}
