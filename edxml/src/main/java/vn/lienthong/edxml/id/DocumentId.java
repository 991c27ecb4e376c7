package vn.lienthong.edxml.id;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import vn.lienthong.edxml.EdxmlConstants;

/**
 * The de-facto {@code MessageHeader/DocumentId} form {@code <sender OrganId>,<yyyy/MM/dd>,<Number>/<Notation>}
 * (spec §11.4). Compose it for our own documents; a received DocumentId is an opaque key — {@link #parse} is for
 * display and diagnostics only and fails on ids of other forms (UUIDs) or impossible dates.
 */
public record DocumentId(String organId, LocalDate promulgationDate, String codeNumber, String codeNotation) {

    public static final int MAX_LENGTH = 255;

    public DocumentId {
        Objects.requireNonNull(organId, "organId");
        Objects.requireNonNull(promulgationDate, "promulgationDate");
        Objects.requireNonNull(codeNumber, "codeNumber");
        if (organId.contains(",") || codeNumber.contains(",") || codeNumber.contains("/")) {
            throw new IllegalArgumentException("organId and codeNumber must not contain ',' or '/'");
        }
    }

    public static String compose(String organId, LocalDate promulgationDate, String codeNumber, String codeNotation) {
        return new DocumentId(organId, promulgationDate, codeNumber, codeNotation).toString();
    }

    public static Optional<DocumentId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(parts[1].strip(), EdxmlConstants.DATE);
            String code = parts[2].strip();
            int slash = code.indexOf('/');
            String number = slash < 0 ? code : code.substring(0, slash);
            String notation = slash < 0 ? null : code.substring(slash + 1);
            if (parts[0].isBlank() || number.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new DocumentId(parts[0].strip(), date, number, notation));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        String code = codeNotation == null || codeNotation.isEmpty() ? codeNumber : codeNumber + "/" + codeNotation;
        return organId + "," + EdxmlConstants.DATE.format(promulgationDate) + "," + code;
    }
}
