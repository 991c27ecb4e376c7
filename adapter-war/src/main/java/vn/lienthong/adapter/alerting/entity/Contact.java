package vn.lienthong.adapter.alerting.entity;

import java.time.OffsetDateTime;

/** One row of {@code alert_contact}: who of an organisation is told of its alerts, by e-mail and optional webhook. */
public record Contact(String id, String organId, ContactRole role, String name, String email, String webhookUrl,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
