package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.lienthong.it.support.AdapterDatabase;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;

/**
 * The exchange statistics on the real WAR: documents submitted through the SOAP face, statuses arriving from the
 * axis simulator's played agency (01 → 06), then {@code /admin/statistics} and its XLSX export compared with what
 * the store holds; refused parameters answered with their code and audited.
 */
class StatisticsOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PLAYED = AxisSimulatorExtension.PLAYED_ORGAN; // answers 01, 03, 04, 05, 06
    private static final String SILENT = AxisSimulatorExtension.COUNTERPART_ORGAN; // answers nothing

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void figuresAndTheXlsxExportMatchTheStore() throws Exception {
        List<String> answered = List.of(submit(PLAYED), submit(PLAYED));
        String silent = submit(SILENT);
        for (String documentId : answered) {
            Await.until("06 for " + documentId, WAIT, () -> Optional.ofNullable(service.getDocumentStatus(
                    query(documentId)).getRecipient().get(0).getStatusCode()).filter("06"::equals));
        }
        Await.until("silent one sent", WAIT, () -> Optional.of(service.getDocumentStatus(query(silent)).getState())
                .filter("SENT"::equals));

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String params = "from=" + today + "&to=" + today + "&organisation=" + demo.organId() + "&split=counterpart";
        HttpResponse<String> answer = get("statistics?" + params);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject json;
        try (JsonReader r = Json.createReader(new StringReader(answer.body()))) {
            json = r.readObject();
        }
        JsonObject played = row(json, PLAYED);
        JsonObject silentRow = row(json, SILENT);

        AdapterDatabase db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
        long playedDocuments = sentTo(db, PLAYED);
        long silentDocuments = sentTo(db, SILENT);
        assertTrue(playedDocuments >= 2 && silentDocuments >= 1);
        assertEquals(playedDocuments, played.getJsonObject("sent").getJsonNumber("documents").longValue());
        assertEquals(silentDocuments, silentRow.getJsonObject("sent").getJsonNumber("documents").longValue());
        JsonObject feedback = played.getJsonObject("sent").getJsonObject("feedback");
        assertEquals(completePairs(db, PLAYED), feedback.getJsonNumber("complete").longValue());
        assertTrue(feedback.getJsonNumber("complete").longValue() >= 2, "both answered documents reached 06");
        assertTrue(feedback.getJsonObject("to06").getJsonNumber("reached").longValue() >= 2);
        // a median exists (its value depends on the simulator's clock, which stamps statuses to the second)
        assertTrue(feedback.getJsonObject("to06").getJsonNumber("medianSeconds") != null);
        assertEquals(0, silentRow.getJsonObject("sent").getJsonObject("feedback").getJsonNumber("complete")
                .longValue());

        HttpResponse<byte[]> xlsx = http.send(request("statistics/export.xlsx?" + params),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Gửi đi: Văn bản mới", sheet.getRow(0).getCell(3).getStringCellValue());
            Row playedLine = line(sheet, PLAYED);
            assertEquals(playedDocuments, (long) playedLine.getCell(3).getNumericCellValue());
            int completeColumn = column(sheet, "Gửi đi: Phản hồi đầy đủ (đến 06 hoặc từ chối 02)");
            assertEquals(completePairs(db, PLAYED), (long) playedLine.getCell(completeColumn).getNumericCellValue());
        }

        HttpResponse<String> report = get("statistics/report?month=" + today.substring(0, 7) + "&organisation="
                + demo.organId());
        assertEquals(200, report.statusCode());
        assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(report.body().contains("BÁO CÁO TÌNH HÌNH GỬI, NHẬN VĂN BẢN ĐIỆN TỬ"));
        assertTrue(report.body().contains(PLAYED));
    }

    @Test
    void refusedParametersHaveStableCodesAndAreAudited() throws Exception {
        AdapterDatabase db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
        long head = db.auditHead();
        assertRefused(get("statistics?from=2026-13-01&to=2026-12-01"), 400, "STATS.BAD_DATE");
        assertRefused(get("statistics?from=2026-11-02&to=2026-11-01"), 400, "STATS.BAD_RANGE");
        assertRefused(get("statistics?month=2026-11&organisation=000.00.00.Z99"), 400, "STATS.UNKNOWN_ORGANISATION");
        assertRefused(get("statistics/export.xlsx?month=2026-11&groupBy=week"), 400, "STATS.BAD_PARAMETER");
        assertRefused(get("statistics/report"), 400, "STATS.BAD_RANGE");
        List<String> audit = db.auditSince(head);
        for (String code : List.of("STATS.BAD_DATE", "STATS.BAD_RANGE", "STATS.UNKNOWN_ORGANISATION",
                "STATS.BAD_PARAMETER")) {
            assertTrue(audit.stream().anyMatch(e -> e.startsWith("admin|ADMIN_STATISTICS|null|REFUSED|" + code)),
                    code + " audited: " + audit);
        }
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("admin|ADMIN_CALL|null|REFUSED|HTTP 400|GET")), 
                "the admin call itself: " + audit);
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(uri("statistics?month=2026-11")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("<html"), answer.body());
    }

    /**
     * Submits with a client message id, so a call that timed out on a slow machine (the first one after the
     * deployment warms CXF and WSS4J up) can be repeated safely: the adapter answers a repeat with the same document.
     */
    private String submit(String to) throws Exception {
        var request = Documents.newDocument(demo.organId(), to);
        request.setClientMessageId("stats-" + request.getDocument().getCodeNumber());
        for (int attempt = 1;; attempt++) {
            try {
                return service.submitDocument(request).getDocumentId();
            } catch (jakarta.xml.ws.WebServiceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private GetDocumentStatus query(String documentId) {
        GetDocumentStatus q = new GetDocumentStatus();
        q.setFromOrganId(demo.organId());
        q.setDocumentId(documentId);
        return q;
    }

    private long sentTo(AdapterDatabase db, String counterpart) throws Exception {
        return db.count("SELECT COUNT(DISTINCT d.id) FROM document d JOIN recipient r ON r.document_ref = d.id"
                + " WHERE d.direction = 'OUT' AND d.message_type = 'EDOC' AND d.business_type = 0"
                + " AND d.sender_organ_id = ? AND r.organ_id = ?", demo.organId(), counterpart);
    }

    /** Pairs of this counterpart with a 06 or 02 among its statuses. */
    private long completePairs(AdapterDatabase db, String counterpart) throws Exception {
        return db.count("SELECT COUNT(DISTINCT d.id) FROM document d JOIN recipient r ON r.document_ref = d.id"
                + " JOIN status_event s ON s.document_ref = d.id AND s.organ_id = r.organ_id"
                + " WHERE d.direction = 'OUT' AND d.message_type = 'EDOC' AND d.business_type = 0"
                + " AND d.sender_organ_id = ? AND r.organ_id = ? AND s.status_code IN ('02', '06')",
                demo.organId(), counterpart);
    }

    private static JsonObject row(JsonObject json, String counterpart) {
        return json.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> counterpart.equals(r.getString("counterpart"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + counterpart + ": " + json));
    }

    private static Row line(Sheet sheet, String counterpart) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            if (counterpart.equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
                return sheet.getRow(i);
            }
        }
        throw new AssertionError("no line for " + counterpart);
    }

    private static int column(Sheet sheet, String header) {
        Row h = sheet.getRow(0);
        for (int i = 0; i < h.getLastCellNum(); i++) {
            if (header.equals(h.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + header);
    }

    private URI uri(String pathAndQuery) throws Exception {
        return new java.net.URL(base, "admin/" + pathAndQuery).toURI();
    }

    private HttpRequest request(String pathAndQuery) throws Exception {
        String token = Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token"),
                StandardCharsets.UTF_8).trim();
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }
}
