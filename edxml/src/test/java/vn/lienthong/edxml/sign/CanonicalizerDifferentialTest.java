package vn.lienthong.edxml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.SecureXml;
import vn.lienthong.edxml.testsupport.Fixtures;

/**
 * Differential test of the hand-written streaming canonicaliser (which digests every package we sign and every
 * package we receive) against Apache Santuario's DOM canonicalisers: for every input of a corpus of the awkward
 * cases of C14N and for every fixture package, both must produce the same bytes, in inclusive C14N 1.0,
 * exclusive C14N and exclusive C14N with an InclusiveNamespaces prefix list. Comments are omitted in all three
 * (the forms signatures use).
 */
class CanonicalizerDifferentialTest {

    /** Our mode, our inclusive prefixes ("" = default namespace), Santuario's algorithm and prefix list. */
    private record Variant(String name, StreamingCanonicalizer.Mode mode, Set<String> prefixes, String algorithm,
                           String prefixList) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("inclusive", StreamingCanonicalizer.Mode.INCLUSIVE, Set.of(),
                    Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, null),
            new Variant("exclusive", StreamingCanonicalizer.Mode.EXCLUSIVE, Set.of(),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, null),
            new Variant("exclusive+prefixes", StreamingCanonicalizer.Mode.EXCLUSIVE, Set.of("a", "edXML", ""),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, "a edXML #default"));

    @BeforeAll
    static void santuario() {
        Init.init();
    }

    /** The awkward cases, each a small document (UTF-8 unless the bytes say otherwise). */
    private static Map<String, byte[]> corpus() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        // Namespaces: redundant, unused, default, undeclaration, redefinition, prefixes used by attributes only.
        put(c, "redundant declarations", "<a:r xmlns:a=\"urn:a\"><a:c xmlns:a=\"urn:a\"><a:d xmlns:a=\"urn:a\"/></a:c></a:r>");
        put(c, "unused declarations", "<r xmlns:u=\"urn:unused\" xmlns:a=\"urn:a\"><c xmlns:v=\"urn:v\"><d/></c></r>");
        put(c, "default namespace and undeclaration",
                "<r xmlns=\"urn:d\"><c xmlns=\"\"><d xmlns=\"urn:d\"><e xmlns=\"urn:other\"/></d><f/></c><g/></r>");
        put(c, "undeclaring a default that was never declared", "<r><c xmlns=\"\"><d xmlns=\"\"/></c></r>");
        put(c, "prefix redefined", "<p:r xmlns:p=\"urn:1\"><p:c xmlns:p=\"urn:2\"><p:d/></p:c><p:e/></p:r>");
        put(c, "prefix used by attributes only",
                "<r xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><c a:x=\"1\"><d b:y=\"2\" a:z=\"3\"/></c><e a:x=\"4\"/></r>");
        put(c, "same uri under two prefixes", "<a:r xmlns:a=\"urn:s\" xmlns:b=\"urn:s\"><b:c a:x=\"1\"/></a:r>");
        put(c, "inclusive prefix declared deep",
                "<r><x:c xmlns:x=\"urn:x\"><d xmlns:a=\"urn:a\"><e/></d></x:c><f xmlns:a=\"urn:a2\"/></r>");
        put(c, "default namespace element under prefixed root",
                "<edXML:r xmlns:edXML=\"urn:q\" xmlns=\"urn:d\"><c/><edXML:d><e xmlns=\"\"/></edXML:d></edXML:r>");
        // Attributes: order by namespace URI then local name, xml:* attributes, escaping and normalisation.
        put(c, "attribute order",
                "<r xmlns:b=\"urn:b\" xmlns:a=\"urn:z\" z=\"1\" a:y=\"2\" b:x=\"3\" a=\"4\" xml:lang=\"vi\" b:a=\"5\"/>");
        put(c, "attribute escaping", "<r a=\"&lt;&gt;&amp;&quot;&apos;\" b='say \"hi\"' c=\"&#9;&#10;&#13;x\""
                + " d=\"  spaced\n\tout  \" e=\"&#x20AC; €\"/>");
        // Whitespace: between elements, around text, CR from a character reference, CRLF line ends.
        put(c, "whitespace", "<r>\n  <c>  text  </c>\n\t<d>\n</d>  <e>a&#13;b&#xD;&#10;c</e>\n</r>\n\n");
        c.put("CRLF line ends", "<r>\r\n<c>line1\r\nline2\rline3</c>\r\n</r>\r\n".getBytes(StandardCharsets.UTF_8));
        // Comments and processing instructions, inside and outside the document element.
        put(c, "comments and PIs", "<?xml version=\"1.0\"?>\n<!-- before -->\n<?pi-before data?>\n<r><!-- in -->"
                + "<?pi-in  some  data ?><c>x<!--y-->z</c><?empty?></r>\n<!-- after -->\n<?pi-after?>\n");
        // CDATA: becomes text, escaped.
        put(c, "CDATA", "<r><c><![CDATA[<a> & </a> ]] > \"q\" ]]>]]&gt;<![CDATA[]]]]><![CDATA[>]]></c>"
                + "<d><![CDATA[]]></d></r>");
        // Entities and character references.
        put(c, "predefined entities and character references",
                "<r>&lt;tag&gt; &amp;amp; &quot;&apos; &#65;&#x42; &#xA0;&#x2028; ]]&gt; &#x1F600;&#128512;</r>");
        // Non-ASCII: Vietnamese (precomposed and combining), names, astral characters, a long text whose
        // surrogate pairs straddle the parser's chunks.
        put(c, "Vietnamese text and names", "<văn_bản xmlns:tà=\"urn:ý\" tà:số=\"Số 12/QĐ-TTg\" độ=\"Khẩn\">"
                + "Quyết định về việc ban hành Quy chế — ỹ vs y\u0303 · 日本語 · \uD83D\uDCC4</văn_bản>");
        put(c, "long astral text", "<r>" + "\uD83D\uDE00a".repeat(40_000) + "</r>");
        put(c, "long base64 text", "<r><b>" + "QUJD".repeat(50_000) + "</b></r>");
        c.put("UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<r>BOM</r>".getBytes(StandardCharsets.UTF_8)));
        c.put("ISO-8859-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r a=\"é\">àéî ÿ</r>"
                .getBytes(StandardCharsets.ISO_8859_1));
        c.put("UTF-16 with BOM", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>Văn bản \uD83D\uDE00</r>"
                .getBytes(StandardCharsets.UTF_16));
        put(c, "empty elements and empty attribute", "<r><a/><b></b><c x=\"\"/></r>");
        put(c, "standalone declaration", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><r/>");
        return c;
    }

    private static void put(Map<String, byte[]> corpus, String name, String xml) {
        corpus.put(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> corpusCanonicalisesLikeSantuario() {
        List<DynamicTest> tests = new ArrayList<>();
        corpus().forEach((name, xml) -> tests.add(DynamicTest.dynamicTest(name, () -> assertSameEverywhere(name, xml))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyFixturePackageCanonicalisesLikeSantuario() {
        List<Path> fixtures = new ArrayList<>(Fixtures.vendorFiles());
        fixtures.addAll(Fixtures.nonconformingFiles());
        assertFalse(fixtures.isEmpty(), "no fixture packages found under " + Fixtures.root());
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] xml = Files.readAllBytes(file);
            if (parsesWithDom(xml)) {
                assertSameEverywhere(file.toString(), xml);
            } else {
                // Not well-formed (nonconforming fixtures): then we must refuse it too, never digest it.
                for (Variant v : VARIANTS) {
                    assertThrows(EdxmlParseException.class, () -> ours(xml, v), file + " " + v.name());
                }
            }
        }));
    }

    @Test
    void theComparisonCanFail() throws Exception {
        // Guard against a vacuous comparison: different documents give different canonical forms.
        byte[] a = ours("<r a=\"1\"/>".getBytes(StandardCharsets.UTF_8), VARIANTS.get(0));
        byte[] b = santuario("<r a=\"2\"/>".getBytes(StandardCharsets.UTF_8), VARIANTS.get(0));
        assertFalse(java.util.Arrays.equals(a, b));
    }

    private static void assertSameEverywhere(String name, byte[] xml) throws Exception {
        for (Variant v : VARIANTS) {
            byte[] expected = santuario(xml, v);
            byte[] actual = ours(xml, v);
            if (!java.util.Arrays.equals(expected, actual)) {
                fail(name + " [" + v.name() + "]: canonical forms differ at byte " + firstDifference(expected, actual)
                        + "\nSantuario: " + excerpt(expected, firstDifference(expected, actual))
                        + "\nours:      " + excerpt(actual, firstDifference(expected, actual)));
            }
        }
    }

    private static byte[] ours(byte[] xml, Variant v) throws IOException, XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingCanonicalizer c14n = new StreamingCanonicalizer(out, v.mode(), v.prefixes());
        XMLStreamReader r = SecureXml.reader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                EventDispatch.dispatch(r.next(), r, c14n);
            }
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        } finally {
            r.close();
        }
        c14n.flush();
        return out.toByteArray();
    }

    private static byte[] santuario(byte[] xml, Variant v) throws Exception {
        Document doc = domParser().parse(new ByteArrayInputStream(xml));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer c14n = Canonicalizer.getInstance(v.algorithm());
        if (v.prefixList() == null) {
            c14n.canonicalizeSubtree(doc, out);
        } else {
            c14n.canonicalizeSubtree(doc, v.prefixList(), out);
        }
        return out.toByteArray();
    }

    private static boolean parsesWithDom(byte[] xml) {
        try {
            domParser().parse(new ByteArrayInputStream(xml));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static DocumentBuilder domParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(bytes.length, at + 60);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n") + " (length "
                + bytes.length + ")";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
