package vn.lienthong.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The harness's own arithmetic and parsing: what the reported figures rest on. No load is generated here. */
class FiguresTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i * 1000L); // 1 … 100 ms, added out of order
        }
        assertEquals(100, l.count());
        assertEquals(50.0, l.percentileMillis(50));
        assertEquals(95.0, l.percentileMillis(95));
        assertEquals(99.0, l.percentileMillis(99));
        assertEquals(100.0, l.percentileMillis(100));
        assertEquals(0.0, new Latencies().percentileMillis(99));
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandNameHasSpaces() {
        String stat = "4242 (java (payara) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 566 0 0 20 0 80 0 100 0 0";
        assertEquals((1234 + 566) * ProcessProbe.TICK_MILLIS, ProcessProbe.cpuMillisOf(stat));
    }

    @Test
    void heapInUseIsReadFromJcmdHeapInfo() {
        String out = "4242:\n garbage-first heap   total 524288K, used 123456K [0x00000000e0000000, 0x0000000100000000)\n"
                + "  region size 1024K, 10 young (10240K), 2 survivors (2048K)\n";
        assertEquals(123456, ProcessProbe.heapUsedKibOf(out));
        assertEquals(-1, ProcessProbe.heapUsedKibOf("com.sun.tools.attach.AttachNotSupportedException"));
    }

    @Test
    void deliveredDocumentsAreTheSimulatorsDocumentIdsOfTheHarnessNotation() {
        String state = "{\"submissions\":[{\"documentId\":\"000.00.00.G22,2026\\/11\\/23,7\\/LOAD\",\"x\":1},"
                + "{\"documentId\":\"000.00.00.G22,2026/11/23,8/LOAD\"},{\"documentId\":\"000.00.00.G22,2026/11/23,9/OTHER\"},"
                + "{\"responseForDocumentId\":\"000.00.00.G22,2026/11/23,10/LOAD\"}],"
                + "\"deliveries\":[{\"documentId\":\"000.00.00.G22,2026/11/23,8/LOAD\"}]}";
        assertEquals(Set.of("000.00.00.G22,2026/11/23,7/LOAD", "000.00.00.G22,2026/11/23,8/LOAD"),
                SimulatorProbe.documentIds(state, "LOAD"));
    }

    @Test
    void answersCountAsAcceptedOnlyWhenTheOperationSucceeded() throws Exception {
        Workload legacy = new Workload(Mode.LEGACY_SEND, null, "t", 16, 0);
        assertTrue(legacy.accepted(200, "<edXML:Report><edXML:Result>OK</edXML:Result></edXML:Report>"));
        assertFalse(legacy.accepted(200, "<edXML:Report><edXML:Error><edXML:Code>AUTH.TOKEN</edXML:Code></edXML:Error>"));
        Workload submit = new Workload(Mode.SIGNED_SUBMIT, null, null, 16, 0);
        assertTrue(submit.accepted(200, "<ns2:SubmitDocumentResponse><documentId>x</documentId>"));
        assertFalse(submit.accepted(500, "<soap:Fault><faultstring>LIMIT.RATE</faultstring></soap:Fault>"));
        assertFalse(submit.accepted(200, "<soap:Fault>SubmitDocumentResponse</soap:Fault>"));
    }

    @Test
    void submittedDocumentNumbersFitTheElevenCharacterLimit() {
        Workload w = new Workload(Mode.SIGNED_SUBMIT, null, null, 10240, 0);
        String body = w.submitXml("000.00.00.G22", "9999999999");
        assertTrue(body.contains("<x:codeNumber>9999999999</x:codeNumber>"));
        assertTrue(body.length() > 10240 * 4 / 3, "the attachment travels base64-encoded in the body");
        assertEquals("000.00.00.G22,2026/11/23,42/LOAD", Workload.documentId("000.00.00.G22", "42", "LOAD"));
    }

    @Test
    void unknownModesAreRefusedWithTheListOfModes() {
        assertEquals(Mode.DOC_STATUS, Mode.of("doc-status"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mode.of("everything"));
        assertTrue(e.getMessage().contains("legacy-send"));
    }

    @Test
    void soakComparesFirstAndLastMinuteAndGrowthPerDocumentOverTheSecondHalf() {
        java.time.Instant t = java.time.Instant.parse("2026-11-28T17:00:00Z");
        java.util.List<Sampler.Sample> samples = java.util.List.of(
                new Sampler.Sample(t.plusSeconds(60), 600, 700, 100_000, 500_000, 100L << 20, 1_000),
                new Sampler.Sample(t.plusSeconds(125), 1200, 1300, 101_000, 500_000, 300L << 20, 2_000),
                new Sampler.Sample(t.plusSeconds(190), 1800, 1900, 101_500, 500_000, 300L << 20, 3_000),
                new Sampler.Sample(t.plusSeconds(250), 2340, 2440, 102_000, 500_000, 301L << 20, 4_080));
        String s = Sampler.summary(samples, t);
        // first minute 600/60 = 10/s, last (2340-1800)/60 = 9/s = 90 % (the real intervals count, not the nominal
        // minute: the third sample came 65 s after the second); second half from sample 2 (1900 → 2440 documents):
        // the file +1 MiB over 540 documents = 1.9 KiB, live +1,080 KiB = 2.0 KiB per document
        assertEquals("soak: first minute 10.0/s, last minute 9.0/s (90 %); second half (540 documents): database file"
                + " +1.9 KiB/doc, H2 live +2.0 KiB/doc; live heap 100000 → 102000 KiB", s);
        assertEquals("soak: fewer than two samples", Sampler.summary(samples.subList(0, 1), t));
    }

    @Test
    void theLiveBytesAreTheLastH2StoreLineOfTheAdaptersLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path log = dir.resolve("adapter.log");
        assertEquals(-1, Sampler.lastH2LiveKib(log));
        java.nio.file.Files.writeString(log, "[INFO] H2 store: file 2048 KiB, fill 50 %, chunks fill 50 %, live ~512 KiB,"
                + " chunks 3, pages 10 live of 20\n[INFO] other\n[INFO] H2 store: file 4096 KiB, fill 90 %, chunks fill"
                + " 80 %, live ~2948 KiB, chunks 9, pages 30 live of 40\n");
        assertEquals(2948, Sampler.lastH2LiveKib(log));
    }
}
