package vn.lienthong.edxml.validate;

import java.util.ArrayList;
import java.util.List;
import vn.lienthong.edxml.id.OrganId;

/** Shared building blocks of the validators; collects findings for one profile. */
final class Checks {

    final ValidationProfile profile;
    final List<Finding> findings = new ArrayList<>();

    Checks(ValidationProfile profile) {
        this.profile = profile;
    }

    /** ERROR except on receipt, where a missing field is tolerated with a warning (spec §15.1). */
    Severity requiredSeverity() {
        return profile == ValidationProfile.RECEIVED ? Severity.WARNING : Severity.ERROR;
    }

    Severity limitSeverity() {
        return switch (profile) {
            case RECEIVED -> Severity.INFO;
            case OUTGOING -> Severity.WARNING;
            case LEGACY_INTAKE -> Severity.ERROR;
        };
    }

    boolean present(Object value, String path, Severity severity) {
        if (value == null || value instanceof String s && s.isBlank()) {
            findings.add(Finding.missing(severity, path, path + " is required"));
            return false;
        }
        return true;
    }

    void maxLength(String value, int max, String path) {
        if (value != null && value.length() > max) {
            findings.add(Finding.range(limitSeverity(), path, path + " has " + value.length()
                    + " characters; the best-available limit is " + max));
        }
    }

    void range(Integer value, int min, int max, String path, Severity severity) {
        if (value != null && (value < min || value > max)) {
            findings.add(Finding.range(severity, path, path + " " + value + " is outside " + min + "–" + max));
        }
    }

    /** Strict forms for what we emit; any receivable token on receipt, unknown forms noted (spec §11.1). */
    void organId(String id, String path) {
        if (!present(id, path, Severity.ERROR)) {
            return;
        }
        OrganId parsed = OrganId.parse(id);
        if (profile == ValidationProfile.RECEIVED) {
            if (!OrganId.isReceivable(id)) {
                findings.add(Finding.format(Severity.WARNING, path, path + " is not a token of [0-9A-Za-z._-] "
                        + "of at most 35 characters"));
            } else if (!parsed.isStandard()) {
                findings.add(Finding.format(Severity.INFO, path, path + " is neither a QCVN 102 nor a QĐ 20 "
                        + "identifier (unknown organisation id form)"));
            }
        } else if (!parsed.isStandard()) {
            findings.add(Finding.format(Severity.ERROR, path, path + " must be a QCVN 102 (000.00.00.G22) or QĐ 20 "
                    + "(G12, H37.02.02) identifier"));
        }
    }
}
