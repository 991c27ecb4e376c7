package vn.lienthong.mappings.edoc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A legacy SendDocument header translated by a dialect definition: typed fields named after the adapter's
 * {@code Submission} components, the recipients, and what is kept only for the audit record.
 */
public record MappedMessage(String mapping, Map<String, Object> fields, List<Organisation> recipients,
        List<String> traceOrganIds, Business business) {

    public record Organisation(String organId, String organName) {
    }

    /**
     * The TraceHeaderList business block as sent (null when there is none: a new document). {@code type} 0 new,
     * 1 recall, 2 update, 3 replace; {@code targetDocumentId} the recalled/updated document; the receiver changes
     * and replaced documents of updates and replacements.
     */
    public record Business(Integer type, String targetDocumentId, String reason, Integer paper,
            boolean contentChanged, List<ReceiverChange> receiverChanges, List<Replacement> replacements) {
    }

    public record ReceiverChange(String organId, boolean added) {
    }

    public record Replacement(String documentId, List<String> organIds) {
    }

    /** The business type; 0 (new document) when the block or its type is absent (QCVN 102 §4.3). */
    public int businessType() {
        return business == null || business.type() == null ? 0 : business.type();
    }

    public String text(String field) {
        return (String) fields.get(field);
    }

    public Integer integer(String field) {
        return (Integer) fields.get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) fields.get(field);
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    /** A stable, line-per-value rendering for golden files. */
    public String toGoldenText() {
        StringBuilder b = new StringBuilder("mapping=").append(mapping).append('\n');
        new TreeMap<>(fields).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        for (int i = 0; i < recipients.size(); i++) {
            b.append("recipient[").append(i + 1).append("]=").append(recipients.get(i).organId()).append(" | ")
                    .append(recipients.get(i).organName()).append('\n');
        }
        b.append("traceOrganIds=").append(String.join(",", traceOrganIds)).append('\n');
        if (business != null) {
            b.append("business.type=").append(business.type()).append('\n')
                    .append("business.targetDocumentId=").append(business.targetDocumentId()).append('\n')
                    .append("business.reason=").append(business.reason()).append('\n')
                    .append("business.paper=").append(business.paper()).append('\n')
                    .append("business.contentChanged=").append(business.contentChanged()).append('\n');
            for (ReceiverChange r : business.receiverChanges()) {
                b.append("business.receiver=").append(r.organId()).append(r.added() ? " added" : " removed").append('\n');
            }
            for (Replacement r : business.replacements()) {
                b.append("business.replaces=").append(r.documentId()).append(" had ")
                        .append(String.join(",", r.organIds())).append('\n');
            }
        }
        return b.toString();
    }
}
