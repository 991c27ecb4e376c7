package vn.lienthong.adapter.console.boundary;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words, Vietnamese first ({@code console.properties}), English on request
 * ({@code console_en.properties}); both UTF-8. The JVM's own locale never decides.
 */
final class ConsoleText {

    static final String VI = "vi";
    static final String EN = "en";
    private static final String BUNDLE = "vn.lienthong.adapter.console.boundary.console";

    private final String lang;
    private final ResourceBundle bundle;

    ConsoleText(String lang) {
        this.lang = EN.equals(lang) ? EN : VI;
        this.bundle = ResourceBundle.getBundle(BUNDLE, EN.equals(this.lang) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String lang() {
        return lang;
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
