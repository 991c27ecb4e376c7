package vn.lienthong.adapter.legacy.control;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * A refused old-protocol request: the {@code edXML:Error} entries of the Report (stable codes, spec §5.2 and
 * {@link LegacyCodes}) and whether the Report goes directly into the Body instead of the operation's wrapper.
 */
@ApplicationException(rollback = true)
public class LegacyFault extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<LegacyError> errors;

    public record LegacyError(String code, String description) {
    }

    public LegacyFault(String code, String description) {
        super(code + ": " + description, null, false, false); // an answer, not a failure: no stack trace
        this.errors = List.of(new LegacyError(code, description));
    }

    public List<LegacyError> errors() {
        return errors;
    }

    public String code() {
        return errors.get(0).code();
    }
}
