package vn.lienthong.adapter.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void vietnameseAndEnglishHaveTheSameWords() throws IOException {
        Set<String> vi = load("console.properties").stringPropertyNames();
        Set<String> en = load("console_en.properties").stringPropertyNames();
        Set<String> onlyVi = new TreeSet<>(vi);
        onlyVi.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(vi);
        assertTrue(onlyVi.isEmpty() && onlyEn.isEmpty(), "only vi: " + onlyVi + ", only en: " + onlyEn);
    }

    @Test
    void vietnameseFirstEnglishOnRequest() {
        assertEquals("Tổng quan", new ConsoleText(null).get("nav.dashboard"));
        assertEquals("Tổng quan", new ConsoleText("fr").get("nav.dashboard"));
        assertEquals("Dashboard", new ConsoleText("en").get("nav.dashboard"));
    }

    @Test
    void everythingFromTheStoreIsEscaped() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;",
                Html.esc("<script>alert('x')</script> & \""));
        assertEquals("", Html.esc(null));
    }

    @Test
    void organisationListsAcceptCommasAndSpaces() {
        assertEquals(List.of("000.00.00.G22", "000.00.00.H41"),
                ConsoleServlet.list(" 000.00.00.G22, 000.00.00.H41 000.00.00.G22 "));
        assertEquals(List.of(), ConsoleServlet.list(null));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleText.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
