package vn.lienthong.adapter.alerting.entity;

import java.time.OffsetDateTime;

/** One row of {@code alert}. */
public record Alert(String id, String key, AlertRule rule, String subject, String organId, AlertState state,
                    String messageVi, String messageEn, OffsetDateTime raisedAt, int noticesSent,
                    OffsetDateTime nextNoticeAt, OffsetDateTime lastNoticeAt, OffsetDateTime acknowledgedAt,
                    String acknowledgedBy, OffsetDateTime resolvedAt, boolean resolutionDue) {
}
