package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

/**
 * The HMAC of the axis headers covers JSON text the SDK writes with a default {@link Gson}; one character escaped
 * differently and every call is refused. So the canonical JSON is checked against Gson itself (a test dependency
 * only), over every ASCII character and the characters Gson treats specially.
 */
class GsonStyleJsonTest {

    private final Gson gson = new Gson();

    @Test
    void quotesEveryAsciiCharacterAndTheSpecialOnesAsGsonDoes() {
        List<String> samples = new ArrayList<>();
        for (char c = 0; c < 0x80; c++) {
            samples.add("a" + c + "b");
        }
        samples.addAll(List.of("", "\u2028\u2029", "Thành công — Sở Nội vụ", "emoji \uD83D\uDCE8", "\u007f\u0080\u00a0",
                "<script>&amp;='x'</script>", "C:\\path\\\"quoted\""));
        for (String sample : samples) {
            StringBuilder ours = new StringBuilder();
            GsonStyleJson.appendQuoted(ours, sample);
            assertEquals(gson.toJson(sample), ours.toString(), () -> "for " + sample.codePoints().boxed().toList());
        }
    }

    @Test
    void writesStringArraysAsGsonDoes() {
        List<String> to = List.of("000.00.00.H41", "000.00.00.H14", "<&>'=\"\\");
        assertEquals(gson.toJson(to), GsonStyleJson.stringArray(to));
        assertEquals(gson.toJson(List.of()), GsonStyleJson.stringArray(List.of()));
    }
}
