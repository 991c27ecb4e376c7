package vn.lienthong.adapter.legacy.control;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One status as an old client sees it in GetTraces (spec §6.6): legacy (unpadded) status code, hub fields. */
public record LegacyTrace(String fromOrganId, String fromOrganName, String responseForOrganId, String code,
        LocalDate promulgationDate, String documentId, String staff, String statusCode, String description,
        LocalDateTime timestamp) {
}
