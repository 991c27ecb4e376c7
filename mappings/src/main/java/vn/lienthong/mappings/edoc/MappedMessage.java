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
        List<String> traceOrganIds) {

    public record Organisation(String organId, String organName) {
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
        return b.toString();
    }
}
