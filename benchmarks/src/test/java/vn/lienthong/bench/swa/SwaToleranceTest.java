package vn.lienthong.bench.swa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tolerance table of docs/legacy-edoc.md ("Why this SwA reader"): odd-but-real requests from old clients, each
 * read by the three candidate parsers. A row's outcome per parser is recorded below ({@link #EXPECTED}); the test
 * fails when a parser's behaviour changes, so the table in the doc stays true. {@code ok} = envelope and decoded
 * attachment exactly as sent (for the truncated request: refused); {@code WRONG: …} = accepted but delivered
 * something else; {@code refused} = the request was refused.
 */
class SwaToleranceTest {

    static final List<SwaParser> PARSERS = List.of(new HandWrittenSwa(), new CxfSwa(), new JakartaMailSwa());

    /** Row -> how to make the request odd. */
    static final Map<String, Consumer<SwaSample>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("baseline: CRLF, quoted boundary, start=\"<root>\", binary part", s -> { });
        CASES.put("LF-only line ends", s -> s.eol = "\n");
        CASES.put("no start parameter (root = first part)", s -> s.start = null);
        CASES.put("start=\"root\" without <> (spec §2, observed)", s -> s.start = "root");
        CASES.put("unquoted boundary", s -> s.quotedBoundary = false);
        CASES.put("Content-ID without <>", s -> {
            s.rootContentId = "root";
            s.attachmentContentId = "att1";
        });
        CASES.put("\"Content-ID:\" without a space (spec §2, observed)", s -> s.contentIdHeader = "Content-ID:");
        CASES.put("lower-case header name content-id", s -> s.contentIdHeader = "content-id: ");
        CASES.put("Content-ID: <cid:att1>", s -> s.attachmentContentId = "<cid:att1>");
        CASES.put("attachment base64 (76-char lines)", s -> s.attachmentEncoding = "base64");
        CASES.put("attachment 8bit text (UTF-8 lines)", s -> {
            s.attachmentEncoding = "8bit";
            s.attachment = SwaSample.eightBitText(s.eol);
        });
        CASES.put("root part base64", s -> s.rootEncoding = "base64");
        CASES.put("preamble and epilogue", s -> {
            s.preamble = "This is a multi-part message in MIME format.\r\n";
            s.epilogue = "\r\nepilogue text\r\n";
        });
        CASES.put("whitespace after the boundary (RFC 2046 LWSP)", s -> s.afterBoundary = " \t ");
        CASES.put("SOAP 1.2: type=application/soap+xml; action=SendDocument", s -> {
            s.type = "application/soap+xml";
            s.rootType = "application/soap+xml; charset=utf-8; action=\"SendDocument\"";
            s.extraTypeParameters = "; action=\"SendDocument\"";
        });
        CASES.put("MTOM/XOP root (application/xop+xml)", s -> {
            s.type = "application/xop+xml";
            s.rootType = "application/xop+xml; charset=UTF-8; type=\"text/xml\"";
            s.extraTypeParameters = "; start-info=\"text/xml\"";
        });
        CASES.put("root is not the first part (start names the second)", s -> s.rootFirst = false);
        CASES.put("truncated: ends inside the attachment (must be refused)", s -> s.truncated = true);
    }

    /** The recorded outcomes, in the order of {@link #PARSERS}. */
    static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("baseline: CRLF, quoted boundary, start=\"<root>\", binary part",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("LF-only line ends",
                List.of("ok", "WRONG: envelope has extra white space", "ok"));
        EXPECTED.put("no start parameter (root = first part)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("start=\"root\" without <> (spec §2, observed)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("unquoted boundary",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("Content-ID without <>",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("\"Content-ID:\" without a space (spec §2, observed)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("lower-case header name content-id",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("Content-ID: <cid:att1>",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("attachment base64 (76-char lines)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("attachment 8bit text (UTF-8 lines)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("root part base64",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("preamble and epilogue",
                List.of("ok", "WRONG: parts [att1, root.message@cxf.apache.org]", "ok"));
        EXPECTED.put("whitespace after the boundary (RFC 2046 LWSP)",
                List.of("ok", "WRONG: parts [att1, root.message@cxf.apache.org]", "ok"));
        EXPECTED.put("SOAP 1.2: type=application/soap+xml; action=SendDocument",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("MTOM/XOP root (application/xop+xml)",
                List.of("ok", "ok", "ok"));
        EXPECTED.put("root is not the first part (start names the second)",
                List.of("ok", "WRONG: envelope differs (4096 bytes)", "ok"));
        EXPECTED.put("truncated: ends inside the attachment (must be refused)",
                List.of("ok (refused)", "WRONG: accepted 1 part(s)", "ok (refused)"));
    }

    static final Map<String, List<String>> OBSERVED = new LinkedHashMap<>();

    @TempDir
    Path spool;

    @Test
    void everyParserOnEveryOddInput() throws Exception {
        for (var c : CASES.entrySet()) {
            SwaSample sample = new SwaSample();
            c.getValue().accept(sample);
            byte[] body = sample.body();
            List<String> row = new java.util.ArrayList<>();
            for (SwaParser parser : PARSERS) {
                Path dir = spool.resolve(parser.getClass().getSimpleName() + OBSERVED.size());
                row.add(outcome(parser, sample, body, dir));
            }
            OBSERVED.put(c.getKey(), row);
        }
        assertEquals(table(EXPECTED), table(OBSERVED), "a parser's behaviour changed: update the table and the doc");
    }

    private static String outcome(SwaParser parser, SwaSample sample, byte[] body, Path dir) {
        try (SwaParser.Parsed p = parser.parse(sample.contentType(), new ByteArrayInputStream(body), dir,
                SwaParser.Limits.DEFAULT)) {
            if (sample.truncated) {
                return "WRONG: accepted " + describe(p);
            }
            String envelope = new String(p.envelope(), StandardCharsets.UTF_8);
            if (!SwaSample.ENVELOPE.equals(envelope)) {
                return "WRONG: envelope " + (SwaSample.ENVELOPE.equals(envelope.strip()) ? "has extra white space"
                        : "differs (" + p.envelope().length + " bytes)");
            }
            Map<String, byte[]> expected = sample.expectedParts();
            if (!expected.keySet().equals(p.parts().keySet())) {
                return "WRONG: parts " + p.parts().keySet();
            }
            for (var e : expected.entrySet()) {
                byte[] got = Files.readAllBytes(p.parts().get(e.getKey()));
                if (!Arrays.equals(e.getValue(), got)) {
                    return "WRONG: part bytes differ (" + got.length + " of " + e.getValue().length + ")";
                }
            }
            return "ok";
        } catch (Exception | Error e) {
            return sample.truncated ? "ok (refused)" : "refused: " + e.getClass().getSimpleName();
        }
    }

    private static String describe(SwaParser.Parsed p) {
        return p.parts().size() + " part(s)";
    }

    static String table(Map<String, List<String>> rows) {
        StringBuilder s = new StringBuilder("| Input | ");
        PARSERS.forEach(p -> s.append(p.name()).append(" | "));
        s.append("\n|---|---|---|---|\n");
        rows.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(String.join(" | ", v)).append(" |\n"));
        return s.toString();
    }

    @AfterAll
    static void writeTable() throws Exception {
        Path out = Path.of("target", "swa-tolerance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table(OBSERVED));
        System.out.println(table(OBSERVED));
    }
}
