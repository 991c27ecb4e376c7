package vn.lienthong.it.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.it.hostile.HostileContext.LOCKOUT_ORGAN;
import static vn.lienthong.it.hostile.HostileContext.OTHER_ORGAN;
import static vn.lienthong.it.hostile.HostileContext.uniqueNumber;
import static vn.lienthong.it.support.LegacyMessages.MULTIPART;
import static vn.lienthong.it.support.LegacyMessages.bodyRequest;
import static vn.lienthong.it.support.LegacyMessages.checkPermission;
import static vn.lienthong.it.support.LegacyMessages.multipart;
import static vn.lienthong.it.support.LegacyMessages.newDocument;
import static vn.lienthong.it.support.LegacyMessages.part;
import static vn.lienthong.it.support.LegacyMessages.pdf;
import static vn.lienthong.it.support.LegacyMessages.reference;
import static vn.lienthong.it.support.LegacyMessages.sendDocument;
import static vn.lienthong.it.support.LegacyMessages.updateTraces;

import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.RawHttp;

/**
 * Hostile requests in the old e-doc.vn protocol. Every refusal is the hub's Report in HTTP 200 with a stable code
 * ({@code docs/legacy-edoc.md}), audited by {@code EdocEndpoint} as {@code LEGACY_*} with that code.
 */
final class LegacyScenarios {

    private static final String ENDPOINT = "EdocEndpoint";
    private static final String READER = "EdocEndpoint → SwaReader/SafeXml (bounded stream, no DTD)";
    private static final String TOKENS = "EdocEndpoint → LegacyTokens (+ LoginThrottle)";
    private static final String VALIDATION = "LegacySubmissions → SubmissionValidator (error-paths)";
    private static final String H41 = AxisSimulatorExtension.COUNTERPART_ORGAN;

    private LegacyScenarios() {
    }

    private static RawHttp.Answer send(HostileContext c, String from, String to, String token, String subject,
            String extra, String business, String refs, byte[]... parts) throws Exception {
        return c.legacy("SendDocument", MULTIPART, multipart(sendDocument(from, to, uniqueNumber(), token, subject, extra,
                business, refs), parts));
    }

    private static RawHttp.Answer sendPdf(HostileContext c, String from, String to, String token, String name)
            throws Exception {
        return send(c, from, to, token, "Thử nghiệm", "", newDocument(), reference("a", name),
                part("a", "application/pdf", "binary", pdf()));
    }

    static List<Scenario> all() {
        Face f = Face.LEGACY;
        String soap = "http://schemas.xmlsoap.org/soap/envelope/";
        return List.of(
                Scenario.of("LEG-01", f, "unknown SOAPAction", ENDPOINT + " (SOAPAction dispatch)")
                        .expect(Expect.report("M.SOAPAction"))
                        .send(c -> c.legacy("DeleteEverything", checkPermission(c.demo.organId(), c.legacyToken))),
                Scenario.of("LEG-02", f, "no SOAPAction header", ENDPOINT + " (SOAPAction dispatch)")
                        .expect(Expect.report("M.SOAPAction"))
                        .send(c -> c.legacy(null, checkPermission(c.demo.organId(), c.legacyToken))),
                Scenario.of("LEG-03", f, "SOAPAction with SQL and CRLF-looking text", ENDPOINT + " (SOAPAction dispatch)")
                        .expect(Expect.report("M.SOAPAction"))
                        .send(c -> c.legacy("CheckPermission'; DROP TABLE legacy_token; -- %0d%0aX-Injected: 1",
                                checkPermission(c.demo.organId(), c.legacyToken))),
                Scenario.of("LEG-04", f, "DOCTYPE with an external entity (XXE)", READER)
                        .expect(Expect.report("M.Envelope.DOCTYPE"))
                        .also(a -> assertFalse(a.body().contains("root:"), "no file content leaks"))
                        .send(c -> c.legacy("CheckPermission", "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM"
                                + " \"file:///etc/passwd\">]>" + checkPermission("&x;", c.legacyToken))),
                Scenario.of("LEG-05", f, "entity expansion (billion laughs)", READER)
                        .expect(Expect.report("M.Envelope.DOCTYPE"))
                        .send(c -> c.legacy("CheckPermission", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                                + checkPermission("&c;", c.legacyToken))),
                Scenario.of("LEG-06", f, "DOCTYPE inside the SwA envelope part", READER)
                        .expect(Expect.report("M.Envelope.DOCTYPE"))
                        .send(c -> c.legacy("SendDocument", MULTIPART, multipart("<!DOCTYPE x [<!ENTITY e SYSTEM"
                                + " \"http://127.0.0.1:1/\">]>" + sendDocument(c.demo.organId(), H41, uniqueNumber(),
                                c.legacyToken, "&e;", "", newDocument(), "")))),
                Scenario.of("LEG-07", f, "malformed XML", READER).expect(Expect.report("M.Envelope"))
                        .send(c -> c.legacy("CheckPermission", "<soap:Envelope xmlns:soap=\"" + soap + "\"><oops>")),
                Scenario.of("LEG-08", f, "envelope in a foreign namespace (not SOAP)", READER)
                        .expect(Expect.report("M.Envelope"))
                        .send(c -> c.legacy("CheckPermission", checkPermission(c.demo.organId(), c.legacyToken,
                                "http://example.com/not-soap"))),
                Scenario.of("LEG-09", f, "JSON body with Content-Type application/json", READER)
                        .expect(Expect.report("M.Envelope"))
                        .send(c -> c.legacy("CheckPermission", "application/json",
                                "{\"OrganId\":\"000.00.00.G22\"}".getBytes(StandardCharsets.UTF_8))),
                Scenario.of("LEG-10", f, "empty body", READER).expect(Expect.report("M.Envelope"))
                        .send(c -> c.legacy("CheckPermission", "text/xml", new byte[0])),
                Scenario.of("LEG-11", f, "multipart/related without any boundary in the body", READER)
                        .expect(Expect.report("M.Envelope"))
                        .send(c -> c.legacy("SendDocument", MULTIPART, "garbage, no MIME parts".getBytes(StandardCharsets.UTF_8))),
                Scenario.of("LEG-12", f, "CheckPermission with a wrong token", TOKENS).expect(Expect.report("Permission"))
                        .send(c -> c.legacy("CheckPermission", checkPermission(c.demo.organId(), c.legacyToken + "x"))),
                Scenario.of("LEG-13", f, "CheckPermission without a token", ENDPOINT).expect(Expect.report("CheckPermission"))
                        .send(c -> c.legacy("CheckPermission", checkPermission(c.demo.organId(), ""))),
                Scenario.of("LEG-14", f, "OrganId with SQL injection (`' OR '1'='1`)", TOKENS)
                        .expect(Expect.report("Permission"))
                        .send(c -> c.legacy("CheckPermission", checkPermission("' OR '1'='1", c.legacyToken))),
                Scenario.of("LEG-15", f, "our token presented for another organisation", TOKENS)
                        .expect(Expect.report("Permission"))
                        .send(c -> c.legacy("GetPendingDocumentIds", bodyRequest("GetPendingDocumentIdsRequest",
                                OTHER_ORGAN, c.legacyToken, ""))),
                Scenario.of("LEG-16", f, "SOAP 1.2 envelope with a wrong token", TOKENS)
                        .expect(Expect.report("Permission"))
                        .send(c -> c.legacy("CheckPermission", "application/soap+xml; charset=utf-8",
                                checkPermission(c.demo.organId(), "wrong-token", "http://www.w3.org/2003/05/soap-envelope")
                                        .getBytes(StandardCharsets.UTF_8))),
                Scenario.of("LEG-17", f, "legacy token lockout: 10 wrong tokens, then the right one", TOKENS)
                        .expect(Expect.report("AUTH.LOCKED"))
                        .send(c -> {
                            for (int i = 0; i < 10; i++) {
                                c.legacy("CheckPermission", checkPermission(LOCKOUT_ORGAN, "guess-" + i));
                            }
                            return c.legacy("CheckPermission", checkPermission(LOCKOUT_ORGAN, c.lockoutToken));
                        }),
                Scenario.of("LEG-18", f, "SendDocument without a token in KeyInfo", ENDPOINT)
                        .expect(Expect.report("CheckSignature"))
                        .send(c -> sendPdf(c, c.demo.organId(), H41, "", "a.pdf")),
                Scenario.of("LEG-19", f, "SendDocument with a wrong token", TOKENS).expect(Expect.report("Permission"))
                        .send(c -> sendPdf(c, c.demo.organId(), H41, c.legacyToken + "x", "a.pdf")),
                Scenario.of("LEG-20", f, "SendDocument in another organisation's name", "SubmissionService (acts only for its organisations)")
                        .expect(Expect.report("Permission"))
                        .send(c -> sendPdf(c, OTHER_ORGAN, H41, c.legacyToken, "a.pdf")),
                Scenario.of("LEG-21", f, "recipient that is not an organisation id", VALIDATION)
                        .expect(Expect.report("M.MessageHeader.To.OrganId"))
                        .send(c -> sendPdf(c, c.demo.organId(), "not an organ id!", c.legacyToken, "a.pdf")),
                Scenario.of("LEG-22", f, "recipient id with SQL injection", VALIDATION)
                        .expect(Expect.report("M.MessageHeader.To.OrganId"))
                        .send(c -> sendPdf(c, c.demo.organId(), "x' OR '1'='1", c.legacyToken, "a.pdf")),
                Scenario.of("LEG-23", f, "state-secret document", VALIDATION)
                        .expect(Expect.report("M.MessageHeader.OtherInfo.Secret"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Mật", "<edXML:Secret>Mật</edXML:Secret>",
                                newDocument(), reference("a", "a.pdf"), part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-24", f, "attachment named `../../../etc/passwd`", VALIDATION)
                        .expect(Expect.status(200).code("M.").audit("M."))
                        .also(a -> assertTrue(a.body().contains("<edXML:IsSuccess>false</edXML:IsSuccess>"), a.body()))
                        .send(c -> sendPdf(c, c.demo.organId(), H41, c.legacyToken, "../../../etc/passwd")),
                Scenario.of("LEG-25", f, "attachment named with backslashes", VALIDATION)
                        .expect(Expect.status(200).code("M.").audit("M."))
                        .send(c -> sendPdf(c, c.demo.organId(), H41, c.legacyToken, "..\\..\\boot.ini")),
                Scenario.of("LEG-26", f, "Manifest Reference without its MIME part", "LegacySubmissions (manifest)")
                        .expect(Expect.report("N.Manifest.Reference.Attachment"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Thiếu tệp", "", newDocument(),
                                reference("a", "a.pdf") + reference("b", "b.pdf"), part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-27", f, "MIME part that no Reference names", "LegacySubmissions (manifest)")
                        .expect(Expect.report("M.Attachment.Reference"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Thừa tệp", "", newDocument(),
                                reference("a", "a.pdf"), part("a", "application/pdf", "binary", pdf()),
                                part("smuggled", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-28", f, "base64 part made only of characters outside the alphabet (decodes to nothing)",
                        "SwaReader → SubmissionValidator (empty attachment)")
                        .expect(Expect.status(200).code("N.").audit("N."))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Base64 hỏng", "", newDocument(),
                                reference("a", "a.pdf"), part("a", "application/pdf", "base64",
                                        "!!!@@@###$$$%%%".getBytes(StandardCharsets.US_ASCII)))),
                Scenario.of("LEG-29", f, "Content-Length of 100 GB declared", ENDPOINT + " (checked before reading)")
                        .expect(Expect.report("R.Message"))
                        .send(c -> RawHttp.request("POST", c.path(Face.LEGACY)).header("SOAPAction", "SendDocument")
                                .header("Content-Type", "text/xml").header("Content-Length", "100000000000")
                                .body("<soap:Envelope").send(c.server)),
                Scenario.of("LEG-30", f, "21 MIME parts (limit 20)", "SwaReader (part count while streaming)")
                        .expect(Expect.report("R.Attachments"))
                        .send(c -> {
                            byte[][] parts = new byte[21][];
                            StringBuilder refs = new StringBuilder();
                            for (int i = 0; i < parts.length; i++) {
                                parts[i] = part("p" + i, "application/pdf", "binary", pdf());
                                refs.append(reference("p" + i, "p" + i + ".pdf"));
                            }
                            return send(c, c.demo.organId(), H41, c.legacyToken, "Nhiều tệp", "", newDocument(),
                                    refs.toString(), parts);
                        }),
                Scenario.of("LEG-31", f, "envelope part larger than 2 MiB", "SwaReader (envelope limit while streaming)")
                        .expect(Expect.report("R.Envelope"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "A".repeat(3 * 1024 * 1024), "",
                                newDocument(), reference("a", "a.pdf"), part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-32", f, "subject of 100 000 characters", VALIDATION)
                        .expect(Expect.status(200).code("R.").audit("R."))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "A".repeat(100_000), "", newDocument(),
                                reference("a", "a.pdf"), part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-33", f, "business type 7", "mappings (business block)")
                        .expect(Expect.status(200).code("M.TraceHeaderList.Business.BusinessDocType")
                                .audit("M.TraceHeaderList.Business.BusinessDocType"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Loại lạ", "",
                                "<edXML:BussinessDocType>7</edXML:BussinessDocType>", reference("a", "a.pdf"),
                                part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-34", f, "recall (business type 1) of a document never sent", "LegacyExchange → RecallService")
                        .expect(Expect.report("M.TraceHeaderList.Business.DocumentId"))
                        .send(c -> send(c, c.demo.organId(), H41, c.legacyToken, "Thu hồi", "",
                                "<edXML:BussinessDocType>1</edXML:BussinessDocType><edXML:BussinessDocReason>Nhầm"
                                        + "</edXML:BussinessDocReason>", reference("a", "a.pdf"),
                                part("a", "application/pdf", "binary", pdf()))),
                Scenario.of("LEG-35", f, "GetDocument with an unknown numeric id", "LegacyExchange.open")
                        .expect(Expect.report("M.DocumentId"))
                        .send(c -> c.legacy("GetDocument", bodyRequest("GetDocumentRequest", c.demo.organId(),
                                c.legacyToken, "<DocumentId>987654321</DocumentId>"))),
                Scenario.of("LEG-36", f, "GetDocument with a path as id (`../../etc/passwd`)", ENDPOINT + " (numeric ids only)")
                        .expect(Expect.report("M.DocumentId"))
                        .also(a -> assertFalse(a.body().contains("root:")))
                        .send(c -> c.legacy("GetDocument", bodyRequest("GetDocumentRequest", c.demo.organId(),
                                c.legacyToken, "<DocumentId>../../etc/passwd</DocumentId>"))),
                Scenario.of("LEG-37", f, "GetDocument without an id", ENDPOINT).expect(Expect.report("N.DocumentId"))
                        .send(c -> c.legacy("GetDocument", bodyRequest("GetDocumentRequest", c.demo.organId(),
                                c.legacyToken, ""))),
                Scenario.of("LEG-38", f, "ConfirmReceived of an unknown id", "LegacyExchange.confirm")
                        .expect(Expect.report("M.DocumentId"))
                        .send(c -> c.legacy("ConfirmReceived", bodyRequest("ConfirmReceived", c.demo.organId(),
                                c.legacyToken, "<DocumentId>-1</DocumentId>"))),
                Scenario.of("LEG-39", f, "UpdateTraces reporting for another organisation",
                        ENDPOINT + " (mayActFor; authz: the one organisation rule)")
                        .expect(Expect.report("Permission|AUTH.ORGANISATION"))
                        .send(c -> c.legacy("UpdateTraces", updateTraces(c.demo.organId(), OTHER_ORGAN, c.legacyToken,
                                H41, H41 + ",2026/11/23,1/UBND-VP", "4"))),
                Scenario.of("LEG-40", f, "UpdateTraces about a document never received", "LegacyExchange.updateTrace")
                        .expect(Expect.status(200).code("M.").audit("M."))
                        .send(c -> c.legacy("UpdateTraces", updateTraces(c.demo.organId(), c.demo.organId(),
                                c.legacyToken, H41, H41 + ",2026/11/23,1/KHONG-CO", "3"))),
                Scenario.of("LEG-41", f, "UpdateTraces with status code 99", "LegacyExchange (status codes)")
                        .expect(Expect.status(200).code("M.").audit("M."))
                        .send(c -> c.legacy("UpdateTraces", updateTraces(c.demo.organId(), c.demo.organId(),
                                c.legacyToken, H41, H41 + ",2026/11/23,1/UBND-VP", "99"))),
                Scenario.of("LEG-42", f, "GetTraces with a malformed TimeStamp", ENDPOINT)
                        .expect(Expect.report("T.GetTraces.TimeStamp"))
                        .send(c -> c.legacy("GetTraces", bodyRequest("GetTraces", c.demo.organId(), c.legacyToken,
                                "<TimeStamp>1' OR '1'='1</TimeStamp>"))),
                Scenario.of("LEG-43", f, "HTTP PUT on the endpoint", "EdocEndpoint.handle (405)")
                        .expect(Expect.status(405).audit("*", "limits").cleanBodyNeeds("limits"))
                        .send(c -> RawHttp.request("PUT", c.path(Face.LEGACY)).header("Content-Type", "text/xml")
                                .body(checkPermission(c.demo.organId(), c.legacyToken)).send(c.server)),
                Scenario.of("LEG-44", f, "GET of a schema outside the contract (`?xsd=../../WEB-INF/web.xml`)",
                        "EdocEndpoint.contract (allow-list)")
                        .expect(Expect.status(404).audit("*", "limits").cleanBodyNeeds("limits"))
                        .also(a -> assertFalse(a.body().contains("web-app")))
                        .send(c -> RawHttp.request("GET", c.path(Face.LEGACY) + "?xsd=../../WEB-INF/web.xml").send(c.server)));
    }
}
