package vn.lienthong.edxml.validate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses documents marked as state secrets: Decision 28/2018/QĐ-TTg excludes them from electronic exchange.
 *
 * <p>Project decision (QCVN 102 has no secrecy field): a package is treated as a state secret when
 * <ul>
 *   <li>{@code OtherInfo/SphereOfPromulgation} (circulation scope) names a secrecy grade of the Law on Protection
 *       of State Secrets — "Tuyệt mật", "Tối mật", "Mật" (also "bí mật nhà nước") — or "secret"/"confidential",
 *       matched as whole words, case- and composition-insensitive, with or without diacritics for the
 *       multi-word grades; or</li>
 *   <li>the package carries a confidentiality element of older dialects ({@code OtherInfo/Secret} of the 512
 *       dialect, or {@code SecurityLevel}/{@code SecretLevel}/{@code Confidentiality}) with a value other than an
 *       explicit "not secret" ({@code 0}, {@code false}, "không", "thường").</li>
 * </ul>
 * Being over-cautious ("bảo mật" also matches) is intended: a refused package is reported to the sender, a leaked
 * secret cannot be recalled.
 */
public final class SecrecyRule {

    private static final Pattern GRADES = Pattern.compile(
            "(^|[^\\p{L}])(tuyệt mật|tối mật|mật|tuyet mat|toi mat|bi mat|secret|top secret|confidential)([^\\p{L}]|$)");
    private static final Set<String> MARKER_ELEMENTS = Set.of("Secret", "SecretLevel", "SecurityLevel",
            "Confidentiality");
    private static final Set<String> NOT_SECRET = Set.of("0", "false", "không", "khong", "thường", "thuong", "none",
            "no");

    private SecrecyRule() {
    }

    public static boolean marksStateSecret(String sphereOfPromulgation) {
        if (sphereOfPromulgation == null) {
            return false;
        }
        String n = Normalizer.normalize(sphereOfPromulgation, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return GRADES.matcher(n).find();
    }

    public static Optional<Finding> checkSphere(String sphereOfPromulgation, String path) {
        if (!marksStateSecret(sphereOfPromulgation)) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(Severity.ERROR, path, "the document is marked as a state secret ("
                + "circulation scope names a secrecy grade); state secrets must not be exchanged electronically "
                + "(Decision 28/2018/QĐ-TTg)"));
    }

    /** Checks an element of older dialects that states confidentiality directly. */
    public static Optional<Finding> checkMarkerElement(String localName, String value, String path) {
        if (!MARKER_ELEMENTS.contains(localName) || value == null) {
            return Optional.empty();
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        if (NOT_SECRET.contains(v)) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(Severity.ERROR, path, "the document carries a confidentiality marker ("
                + localName + "); state secrets must not be exchanged electronically (Decision 28/2018/QĐ-TTg)"));
    }
}
