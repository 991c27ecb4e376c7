package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two places where the simulator touches package bytes: the transit TraceHeader and the sendEdoc body. */
class PackageTransformTest {

    @TempDir
    Path tmp;

    @Test
    void traceHeaderGoesLastInAnExistingList() {
        String header = "<a:edXMLHeader><a:MessageHeader/><a:TraceHeaderList><a:TraceHeader><a:OrganId>X</a:OrganId>"
                + "</a:TraceHeader></a:TraceHeaderList></a:edXMLHeader>";
        assertEquals("<a:edXMLHeader><a:MessageHeader/><a:TraceHeaderList><a:TraceHeader><a:OrganId>X</a:OrganId>"
                + "</a:TraceHeader><a:TraceHeader><a:Timestamp>2025/11/22 10:00:00</a:Timestamp></a:TraceHeader>"
                + "</a:TraceHeaderList></a:edXMLHeader>", TransitTraceHeader.withTrace(header, "2025/11/22 10:00:00"));
    }

    @Test
    void aListIsCreatedAfterTheMessageHeaderWhenThereIsNone() {
        String header = "<edXMLHeader><MessageHeader><From/></MessageHeader><Signature/></edXMLHeader>";
        assertEquals("<edXMLHeader><MessageHeader><From/></MessageHeader><TraceHeaderList><TraceHeader><Timestamp>t"
                + "</Timestamp></TraceHeader></TraceHeaderList><Signature/></edXMLHeader>",
                TransitTraceHeader.withTrace(header, "t"));
        assertEquals("<x:edXMLHeader><x:MessageHeader/><x:TraceHeaderList id=\"1\"><x:TraceHeader><x:Timestamp>t"
                + "</x:Timestamp></x:TraceHeader></x:TraceHeaderList></x:edXMLHeader>",
                TransitTraceHeader.withTrace("<x:edXMLHeader><x:MessageHeader/><x:TraceHeaderList id=\"1\"/></x:edXMLHeader>", "t"));
    }

    @Test
    void bytesAfterTheHeaderAndNonAsciiTextAreUntouched() throws Exception {
        String body = "x".repeat(100_000);
        String pkg = "<edXML><e:edXMLHeader><e:MessageHeader><e:Subject>Công văn</e:Subject></e:MessageHeader>"
                + "<e:TraceHeaderList></e:TraceHeaderList></e:edXMLHeader><Body>" + body + "</Body></edXML>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransitTraceHeader.copy(new ByteArrayInputStream(pkg.getBytes(StandardCharsets.UTF_8)), out, "t");
        assertEquals(pkg.replace("</e:TraceHeaderList>", "<e:TraceHeader><e:Timestamp>t</e:Timestamp></e:TraceHeader>"
                + "</e:TraceHeaderList>"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void somethingWithoutAHeaderIsCopiedAsItIs() throws Exception {
        byte[] bytes = "<edXML><nothing/></edXML>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransitTraceHeader.copy(new ByteArrayInputStream(bytes), out, "t");
        assertEquals(new String(bytes, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sendEdocBodyLosesItsCrlfAndAcceptsEveryHashForm() throws Exception {
        Path file = tmp.resolve("in");
        IncomingPackage stored = IncomingPackage.store(
                new ByteArrayInputStream("<edXML/>\r\n".getBytes(StandardCharsets.US_ASCII)), file, 1000);
        assertEquals("<edXML/>", Files.readString(file));
        assertEquals(8, stored.size());
        assertTrue(stored.matchesHashFile("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3758"));
        assertTrue(stored.matchesHashFile("8D55F6C7BF7CD534CF027A10E1BB5731C68279C3CB991C0F4844774C685B3758"));
        assertFalse(stored.matchesHashFile("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3759"));
    }

    @Test
    void bodyWithoutCrlfIsKeptWhole() throws Exception {
        Path file = tmp.resolve("in");
        IncomingPackage stored = IncomingPackage.store(
                new ByteArrayInputStream("<edXML/>".getBytes(StandardCharsets.US_ASCII)), file, 1000);
        assertEquals("<edXML/>", Files.readString(file));
        assertTrue(stored.matchesHashFile("8d55f6c7bf7cd534cf027a10e1bb5731c68279c3cb991c0f4844774c685b3758"));
    }
}
