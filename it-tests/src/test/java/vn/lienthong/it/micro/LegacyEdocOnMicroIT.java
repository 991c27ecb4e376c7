package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisClientConfig;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.PackageHeader;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.DemoClient;
import vn.lienthong.it.support.ExchangeClients;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;

/**
 * The old e-doc.vn protocol on the real WAR on Payara Micro, called with raw HTTP exactly as old QLVB products
 * build their requests (SOAPAction header, multipart/related SwA with cid: references, the sloppy forms of
 * spec §2): the full cycle against the axis simulator, and every kind of bad input refused with a stable code
 * and nothing stored.
 */
class LegacyEdocOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BOUNDARY = "MIMEBoundaryurn_uuid_0123456789";
    private static final Pattern CODE = Pattern.compile("<edXML:Code>([^<]*)</edXML:Code>");

    private static String token;
    private URL endpoint;

    @BeforeEach
    void connect() throws Exception {
        endpoint = new URL(base, "services/EdocService");
        if (token == null) {
            token = issueToken(demo.organId(), "Basic " + Base64.getEncoder().encodeToString(
                    (demo.username() + ":" + demo.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    // ---------------------------------------------------------------- the full cycle

    @Test
    void sendDocumentWithAttachmentsIsAcceptedWithANumericIdAndReachesTheAxis() throws Exception {
        String number = uniqueNumber();
        byte[] pdf = "%PDF-1.4\nlegacy send\n".getBytes(StandardCharsets.US_ASCII);
        byte[] docx = "PK\u0003\u0004legacy docx".getBytes(StandardCharsets.ISO_8859_1);
        Answer a = post("SendDocument", multipart(sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN,
                number, token, "", refs("att1", "cong-van.pdf", "att2", "phu-luc.docx")),
                part("att1", "application/pdf", "binary", pdf),
                part("att2", "application/octet-stream", "base64", Base64.getMimeEncoder().encode(docx))));
        assertEquals(200, a.status);
        assertTrue(a.contentType.startsWith("text/xml"), a.contentType);
        assertTrue(a.body.contains("<edXML:SendDocumentResponse>"), a.body);
        assertTrue(a.body.contains("<edXML:IsSuccess>true</edXML:IsSuccess>"), a.body);
        assertTrue(a.body.matches("(?s).*<edXML:DocumentId>\\d+</edXML:DocumentId>.*"), a.body);
        assertFalse(a.body.contains(token), "tokens are never echoed");

        Path fetched = Await.until("the package on the axis", WAIT,
                () -> fetchFromAxisAsCounterpart(documentId(demo.organId(), number)));
        try (var in = Files.newInputStream(fetched)) {
            PackageHeader header = EdxmlHeaderScanner.scan(in);
            assertEquals(demo.organId(), header.fromOrganId());
            assertEquals(List.of(AxisSimulatorExtension.COUNTERPART_ORGAN), header.toOrganIds());
        }
        String edxml = Files.readString(fetched, StandardCharsets.UTF_8);
        assertTrue(edxml.contains("cong-van.pdf") && edxml.contains("phu-luc.docx"), "both attachments packed");
        assertFalse(edxml.contains(token), "the credential never travels on");
        // The same document again is a duplicate (hub code M.Exist), and it is not sent twice.
        Answer again = post("SendDocument", multipart(sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN,
                number, token, "", refs("att1", "cong-van.pdf")), part("att1", "application/pdf", "binary", pdf)));
        assertEquals(List.of("M.Exist"), codes(again));
    }

    /**
     * Recall through the old protocol, full cycle: a legacy SendDocument of a new document, then — once the outbox
     * has transmitted it — a legacy SendDocument with business type 1. The recall answer names the original's
     * numeric id, and the counterpart receives what RecallService queues after transmission: status 13 and the
     * business-type-1 package. (The local cancel before transmission is proven on H2: LegacyRecallFlowTest.)
     */
    @Test
    void aLegacyRecallOfATransmittedDocumentReachesTheCounterpartAsStatus13AndABusinessType1Package() throws Exception {
        String number = uniqueNumber();
        String documentId = documentId(demo.organId(), number);
        byte[] pdf = "%PDF-1.4\nlegacy recall\n".getBytes(StandardCharsets.US_ASCII);
        Answer sent = post("SendDocument", multipart(sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN,
                number, token, "", refs("a", "cong-van.pdf")), part("a", "application/pdf", "binary", pdf)));
        assertEquals(List.of(), codes(sent), sent.body);
        String originalNumber = numericId(sent);

        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            Await.until("the new document at the counterpart", WAIT, () ->
                    counterpart.businessTypes(documentId).contains(0) ? Optional.of(true) : Optional.empty());

            String recall = sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "",
                    refs("a", "cong-van.pdf")).replace("<edXML:BussinessDocType>0</edXML:BussinessDocType>",
                    "<edXML:DocumentId>" + documentId + "</edXML:DocumentId><edXML:BussinessDocType>1"
                            + "</edXML:BussinessDocType><edXML:BussinessDocReason>Thu hồi văn bản điện tử: ban hành nhầm"
                            + "</edXML:BussinessDocReason>");
            Answer recalled = post("SendDocument", multipart(recall, part("a", "application/pdf", "binary", pdf)));
            assertEquals(List.of(), codes(recalled), recalled.body);
            assertTrue(recalled.body.contains("<edXML:SendDocumentResponse>"), recalled.body);
            assertEquals(originalNumber, numericId(recalled), "the recall answers with the original's numeric id");

            Await.until("status 13 and the business-type-1 package at the counterpart", WAIT, () ->
                    counterpart.statuses(documentId).contains("13") && counterpart.businessTypes(documentId).contains(1)
                            ? Optional.of(true) : Optional.empty());
            assertEquals(List.of("13"), counterpart.statuses(documentId), "one take-back status per recipient");

            // Asked again (a client retrying after a lost answer): the same answer, nothing sent twice.
            Answer again = post("SendDocument", multipart(recall, part("a", "application/pdf", "binary", pdf)));
            assertEquals(List.of(), codes(again), again.body);
            Thread.sleep(3_000);
            assertEquals(List.of("13"), counterpart.statuses(documentId));
            assertEquals(1L, counterpart.businessTypes(documentId).stream().filter(t -> t == 1).count());

            // Status 13 is the original sender's: a recipient sending it about a document it received is refused.
            List<Long> before = pendingIds();
            String incomingNumber = uniqueNumber();
            counterpart.send(demo.organId(), incomingNumber, pdf, 0);
            Await.until("the counterpart's document in our inbox", WAIT, () -> pendingIds().stream()
                    .filter(i -> !before.contains(i)).findFirst());
            Answer notOurs = post("UpdateTraces", xml(updateTraces(demo.organId(), token,
                    CounterpartSystem.newDocumentId(incomingNumber), "13")));
            assertEquals(List.of("M.Status.From.OrganId"), codes(notOurs));
        }
    }

    /** Update (business type 2) through the old protocol: a new numeric id, the type-2 package on the axis, once. */
    @Test
    void aLegacyUpdateIsSubmittedThroughThePipelineAndReachesTheCounterpartOnce() throws Exception {
        String number = uniqueNumber();
        String documentId = documentId(demo.organId(), number);
        byte[] pdf = "%PDF-1.4\nlegacy update\n".getBytes(StandardCharsets.US_ASCII);
        Answer sent = post("SendDocument", multipart(sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN,
                number, token, "", refs("a", "cong-van.pdf")), part("a", "application/pdf", "binary", pdf)));
        assertEquals(List.of(), codes(sent), sent.body);
        String update = sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "",
                refs("a", "cong-van-sua.pdf")).replace("<edXML:BussinessDocType>0</edXML:BussinessDocType>",
                "<edXML:DocumentId>" + documentId + "</edXML:DocumentId><edXML:BussinessDocType>2</edXML:BussinessDocType>"
                        + "<edXML:BussinessDocReason>Cập nhật văn bản điện tử</edXML:BussinessDocReason>"
                        + "<edXML:BussinessDocumentInfo><edXML:DocumentInfo>1</edXML:DocumentInfo>"
                        + "<edXML:DocumentReceiver>0</edXML:DocumentReceiver></edXML:BussinessDocumentInfo>");
        byte[] corrected = "%PDF-1.4\nlegacy update, corrected\n".getBytes(StandardCharsets.US_ASCII);
        Answer updated = post("SendDocument", multipart(update, part("a", "application/pdf", "binary", corrected)));
        assertEquals(List.of(), codes(updated), updated.body);
        assertFalse(numericId(updated).equals(numericId(sent)), "the update is a document of its own");
        Answer retried = post("SendDocument", multipart(update, part("a", "application/pdf", "binary", corrected)));
        assertEquals(numericId(updated), numericId(retried), "the same update again gets the first answer");

        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            Await.until("the new document and its update at the counterpart", WAIT, () -> {
                List<Integer> types = counterpart.businessTypes(documentId);
                return types.contains(0) && types.contains(2) ? Optional.of(types) : Optional.empty();
            });
            Thread.sleep(3_000);
            assertEquals(1L, counterpart.businessTypes(documentId).stream().filter(t -> t == 2).count(), "sent once");
        }
    }

    private static String numericId(Answer a) {
        Matcher m = Pattern.compile("<edXML:DocumentId>(\\d+)</edXML:DocumentId>").matcher(a.body);
        assertTrue(m.find(), a.body);
        return m.group(1);
    }

    @Test
    void theRecipientsStatusesComeBackAsTracesConsumedOnceAndReReadableByTimeStamp() throws Exception {
        LocalDateTime before = LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMinutes(1);
        String number = uniqueNumber();
        String documentId = documentId(demo.organId(), number);
        Answer sent = post("SendDocument", multipart(sendDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN,
                number, token, "", refs("a", "to-trinh.pdf")), part("a", "application/pdf", "binary",
                "%PDF-1.4 traces".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(List.of(), codes(sent), sent.body);

        List<String> seen = new ArrayList<>();
        Await.until("status 6 among the traces", WAIT, () -> {
            Answer t = post("GetTraces", xml(bodyRequest("GetTraces", demo.organId(), token, "")));
            assertTrue(t.body.contains("<edXML:GetTracesResponse>"), t.body);
            seen.addAll(statusCodesFor(t.body, documentId));
            return seen.contains("6") ? Optional.of(seen) : Optional.empty();
        });
        assertEquals(List.of("1", "3", "4", "5", "6"), seen, "unpadded codes, each delivered once");
        Answer consumed = post("GetTraces", xml(bodyRequest("GetTraces", demo.organId(), token, "")));
        assertEquals(List.of(), statusCodesFor(consumed.body, documentId));
        Answer reRead = post("GetTraces", xml(bodyRequest("GetTraces", demo.organId(), token,
                "<TimeStamp>" + before.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"))
                        + "</TimeStamp>")));
        assertEquals(List.of("1", "3", "4", "5", "6"), statusCodesFor(reRead.body, documentId));
        assertTrue(reRead.body.matches("(?s).*<edXML:Timestamp>\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}</edXML:Timestamp>.*"));
    }

    @Test
    void aDocumentFromTheAxisIsPendingFetchedWithAttachmentsConfirmedAndAnsweredWithUpdateTraces() throws Exception {
        List<Long> before = pendingIds();
        String number = uniqueNumber();
        String documentId = AxisSimulatorExtension.COUNTERPART_ORGAN + ",2026/11/23," + number + "/UBND-VP";
        byte[] content = "%PDF-1.4\nincoming for an old client\n".getBytes(StandardCharsets.US_ASCII);
        try (AxisClient counterpart = counterpartClient()) {
            counterpart.sendEdoc(AxisSimulatorExtension.COUNTERPART_ORGAN, List.of(demo.organId()), MessageType.EDOC,
                    packageFromCounterpart(documentId, number, content));

            long id = Await.until("a new pending id", WAIT, () -> pendingIds().stream()
                    .filter(i -> !before.contains(i)).findFirst());
            Answer doc = post("GetDocument", xml(bodyRequest("GetDocumentRequest", demo.organId(), token,
                    "<DocumentId>" + id + "</DocumentId>")));
            assertTrue(doc.contentType.startsWith("multipart/related"), doc.contentType);
            assertTrue(doc.body.contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId>"), doc.body);
            assertTrue(doc.body.contains("<edXML:AttachmentName>cong-van-den.pdf</edXML:AttachmentName>"));
            assertFalse(doc.body.contains("KeyInfo") || doc.body.contains(token), "no credential in GetDocument");
            Matcher cid = Pattern.compile("xlink:href=\"cid:([^\"]+)\"").matcher(doc.body);
            assertTrue(cid.find());
            assertArrayEquals(content, attachmentPart(doc, cid.group(1)), "hub profile: base64 text of the file");

            // Another organisation's token cannot read it (and does not learn that it exists).
            Answer wrongOrgan = post("GetDocument", xml(bodyRequest("GetDocumentRequest", "000.00.00.H49", token,
                    "<DocumentId>" + id + "</DocumentId>")));
            assertEquals(List.of("Permission"), codes(wrongOrgan));
            assertTrue(wrongOrgan.body.matches("(?s).*<SOAP-ENV:Body>\\s*<edXML:Report>.*"), "GetDocument: bare Report");

            Answer confirmed = post("ConfirmReceived", xml(bodyRequest("ConfirmReceived", demo.organId(), token,
                    "<DocumentId>" + id + "</DocumentId>")));
            assertTrue(confirmed.body.contains("<edXML:ConfirmReceivedResponse>"), confirmed.body);
            assertEquals(List.of(), codes(confirmed), confirmed.body);
            assertFalse(pendingIds().contains(id));

            Answer updated = post("UpdateTraces", xml(updateTraces(demo.organId(), token, documentId, "3")));
            assertEquals(List.of(), codes(updated), updated.body);
            List<String> statuses = Await.until("01 and 03 at the sender", WAIT, () -> {
                List<String> got = statusesReceivedBy(counterpart, documentId);
                return got.containsAll(List.of("01", "03")) ? Optional.of(got) : Optional.empty();
            });
            assertTrue(statuses.contains("03"), "legacy 3 travels zero-padded");
            Answer forSomeoneElse = post("UpdateTraces", xml(updateTraces("000.00.00.H49", token, documentId, "4")));
            assertEquals(List.of("AUTH.ORGANISATION"), codes(forSomeoneElse));
        }
    }

    @Test
    void checkPermissionAndTheDirectory() throws Exception {
        Answer ok = post("CheckPermission", xml(checkPermission(demo.organId(), token)));
        assertTrue(ok.body.contains("<edXML:CheckPermissionResponse>") && ok.body.contains("<edXML:IsSuccess>true"), ok.body);
        assertEquals(List.of("Permission"), codes(post("CheckPermission", xml(checkPermission(demo.organId(), token + "x")))));
        assertEquals(List.of("CheckPermission"), codes(post("CheckPermission", xml(checkPermission(demo.organId(), "")))));

        // As the C# client sends it: unquoted SOAPAction, no-namespace body, Token in a header of http://e-doc.vn/xsd.
        String env = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<Token xmlns=\"http://e-doc.vn/xsd\">" + token + "</Token></soap:Header><soap:Body><GetOrganizations>"
                + "<OrganId>" + demo.organId() + "</OrganId></GetOrganizations></soap:Body></soap:Envelope>";
        Answer dir = post("GetOrganizations", multipart(env));
        assertTrue(dir.body.contains("<edXML:GetOrganizationsResponse>"), dir.body);
        assertTrue(dir.body.contains("<edXML:OrganId>" + demo.organId() + "</edXML:OrganId>"), dir.body);
        assertTrue(dir.body.contains("<edXML:agency>true</edXML:agency>"), dir.body);

        Answer wsdl = get(new URL(endpoint + "?wsdl"));
        assertEquals(200, wsdl.status);
        assertTrue(wsdl.body.contains("soapAction=\"GetPendingDocumentIds\"") && wsdl.body.contains("EdocService?xsd=edoc-schema.xsd"));
        assertEquals(200, get(new URL(endpoint + "?xsd=edoc-schema.xsd")).status);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void unknownSoapActionGetsABareReport() throws Exception {
        Answer a = post("DeleteEverything", xml(checkPermission(demo.organId(), token)));
        assertEquals(200, a.status);
        assertEquals(List.of("M.SOAPAction"), codes(a));
        assertTrue(a.body.matches("(?s).*<SOAP-ENV:Body>\\s*<edXML:Report>.*"), a.body);
        assertEquals(List.of("M.SOAPAction"), codes(post(null, xml(checkPermission(demo.organId(), token)))));
    }

    @Test
    void malformedXmlDoctypeXxeAndEntityExpansionAreRefused() throws Exception {
        assertEquals(List.of("M.Envelope"), codes(post("CheckPermission", xml("<soap:Envelope xmlns:soap=\"x\"><oops>"))));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + checkPermission("&x;", token);
        Answer a = post("CheckPermission", xml(xxe));
        assertEquals(List.of("M.Envelope.DOCTYPE"), codes(a));
        assertFalse(a.body.contains("root:"), "no file content leaks");
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + checkPermission("&c;", token);
        assertEquals(List.of("M.Envelope.DOCTYPE"), codes(post("CheckPermission", xml(lol))));
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAndNothingIsStored() throws Exception {
        String number = uniqueNumber();
        byte[] pdf = "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("Permission"), codes(post("SendDocument", multipart(sendDocument(demo.organId(),
                AxisSimulatorExtension.COUNTERPART_ORGAN, number, token + "wrong", "", refs("a", "a.pdf")),
                part("a", "application/pdf", "binary", pdf)))));
        assertEquals(List.of("CheckSignature"), codes(post("SendDocument", multipart(sendDocument(demo.organId(),
                AxisSimulatorExtension.COUNTERPART_ORGAN, number, "", "", refs("a", "a.pdf")),
                part("a", "application/pdf", "binary", pdf)))));
        assertEquals(List.of("CheckPermission"), codes(post("GetPendingDocumentIds",
                xml(bodyRequest("GetPendingDocumentIdsRequest", demo.organId(), "", "")))));
        assertEquals(List.of("Permission"), codes(post("GetTraces", xml(bodyRequest("GetTraces", demo.organId(), "nope", "")))));
        assertNotStored(demo.organId(), number);
    }

    @Test
    void sendingInAnotherOrganisationsNameIsRefused() throws Exception {
        String number = uniqueNumber();
        assertEquals(List.of("Permission"), codes(post("SendDocument", multipart(sendDocument("000.00.00.H49",
                AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "", refs("a", "a.pdf")),
                part("a", "application/pdf", "binary", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))))));
    }

    @Test
    void missingAndUnreferencedAttachmentsAreRefusedAndNothingIsStored() throws Exception {
        String number = uniqueNumber();
        byte[] pdf = "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("N.Manifest.Reference.Attachment"), codes(post("SendDocument", multipart(
                sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "",
                        refs("a", "a.pdf", "b", "b.pdf")), part("a", "application/pdf", "binary", pdf)))));
        assertEquals(List.of("M.Attachment.Reference"), codes(post("SendDocument", multipart(
                sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "",
                        refs("a", "a.pdf")), part("a", "application/pdf", "binary", pdf),
                part("extra", "application/pdf", "binary", pdf)))));
        assertNotStored(demo.organId(), number);
    }

    @Test
    void invalidOrganisationIdsAndStateSecretDocumentsAreRefusedAndNothingIsStored() throws Exception {
        String number = uniqueNumber();
        byte[] pdf = "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("M.MessageHeader.To.OrganId"), codes(post("SendDocument", multipart(
                sendDocument(demo.organId(), "not an organ id!", number, token, "", refs("a", "a.pdf")),
                part("a", "application/pdf", "binary", pdf)))));
        assertEquals(List.of("M.MessageHeader.OtherInfo.Secret"), codes(post("SendDocument", multipart(
                sendDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, token,
                        "<edXML:Secret>Mật</edXML:Secret>", refs("a", "a.pdf")),
                part("a", "application/pdf", "binary", pdf)))));
        assertNotStored(demo.organId(), number);
    }

    @Test
    void oversizedMessagesPartsAndTooManyPartsAreRefusedWhileStreaming() throws Exception {
        String number = uniqueNumber();
        // Declared larger than the message limit: refused from the headers, the body is never read.
        try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\n"
                    + "SOAPAction: SendDocument\r\nContent-Type: text/xml\r\nContent-Length: 100000000000\r\n"
                    + "Connection: close\r\n\r\n<soap:Envelope").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.contains("<edXML:Code>R.Message</edXML:Code>"), reply);
        }
        // One part larger than the attachment limit (default 20 MiB).
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        Answer tooBig = post("SendDocument", multipart(sendDocument(demo.organId(),
                AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "", refs("a", "big.pdf")),
                part("a", "application/pdf", "binary", big)));
        assertEquals(List.of("R.Attachment"), codes(tooBig));
        // More parts than the attachment count limit (default 20).
        byte[][] parts = new byte[21][];
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part("p" + i, "application/pdf", "binary", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
            refs.append(reference("p" + i, "p" + i + ".pdf"));
        }
        assertEquals(List.of("R.Attachments"), codes(post("SendDocument", multipart(sendDocument(demo.organId(),
                AxisSimulatorExtension.COUNTERPART_ORGAN, number, token, "", refs.toString()), parts))));
        assertNotStored(demo.organId(), number);
    }

    // ---------------------------------------------------------------- requests as old products build them

    private static String sendDocument(String from, String to, String number, String token, String otherInfoExtra,
            String references) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<SOAP-ENV:Header><edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId><edXML:OrganizationInCharge/>"
                + "<edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName><edXML:OrganAdd/><edXML:Email/>"
                + "<edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:From>"
                + "<edXML:To><edXML:OrganId>" + to + "</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName>"
                + "<edXML:OrganAdd/><edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:To>"
                + "<edXML:DocumentId>" + documentId(from, number) + "</edXML:DocumentId>"
                + "<edXML:Code><edXML:CodeNumber>" + number + "</edXML:CodeNumber>"
                + "<edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place>"
                + "<edXML:PromulgationDate>2026/11/23</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>"
                + "<edXML:Subject>Thử nghiệm giao thức cũ</edXML:Subject><edXML:Content/>"
                + "<edXML:SignerInfo><edXML:Competence/><edXML:Position>Chánh Văn phòng</edXML:Position>"
                + "<edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo><edXML:DueDate/><edXML:ToPlaces/>"
                + "<edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:SphereOfPromulgation/>"
                + "<edXML:TyperNotation/><edXML:PromulgationAmount>1</edXML:PromulgationAmount>"
                + "<edXML:PageAmount>1</edXML:PageAmount><edXML:Appendixes/>" + otherInfoExtra + "</edXML:OtherInfo>"
                + "</edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/23 09:00:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness>"
                + "</edXML:TraceHeaderList><edXML:ErrorList/>"
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + from + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest>" + references + "</edXML:Manifest></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static String refs(String... cidAndName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cidAndName.length; i += 2) {
            b.append(reference(cidAndName[i], cidAndName[i + 1]));
        }
        return b.toString();
    }

    private static String reference(String cid, String name) {
        return "<edXML:Reference xlink:href=\"cid:" + cid + "\"><edXML:AttachmentName>" + name
                + "</edXML:AttachmentName></edXML:Reference>";
    }

    private static String bodyRequest(String element, String organId, String token, String extra) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + element + ">"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token>" + extra + "</" + element + ">"
                + "</soap:Body></soap:Envelope>";
    }

    private static String checkPermission(String organId, String token) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><CheckPermission>"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token></CheckPermission></soap:Header>"
                + "<soap:Body/></soap:Envelope>";
    }

    private static String updateTraces(String from, String token, String documentId, String code) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\"><SOAP-ENV:Header><edXML:Signature><edXML:KeyInfo>"
                + "<edXML:OrganId>" + AxisSimulatorExtension.DEMO_ORGAN + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header><SOAP-ENV:Body><Status>"
                + "<From><OrganId>" + from + "</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>"
                + "<ResponseFor><OrganId>" + AxisSimulatorExtension.COUNTERPART_ORGAN + "</OrganId>"
                + "<DocumentId>" + documentId + "</DocumentId></ResponseFor>"
                + "<StaffInfo><Staff>Văn thư</Staff></StaffInfo><StatusCode>" + code + "</StatusCode>"
                + "<Description>Đã vào sổ</Description><Timestamp>2026/11/23 10:00:00</Timestamp></Status>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** SwA as the old products send it: start without angle brackets, "Content-ID:" without a space. */
    private static byte[] multipart(String envelope, byte[]... parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "Content-ID:<Start>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.write(envelope.getBytes(StandardCharsets.UTF_8));
        for (byte[] p : parts) {
            b.write(p);
        }
        b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    private static byte[] part(String cid, String type, String encoding, byte[] content) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("\r\n--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: " + encoding
                + "\r\nContent-ID: <" + cid + ">\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.write(content);
        return b.toByteArray();
    }

    private static Request xml(String envelope) {
        return new Request("text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static Request multipart(byte[] body) {
        return new Request("multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY + "\"; start=\"Start\"", body);
    }

    private record Request(String contentType, byte[] body) {
    }

    private record Answer(int status, String contentType, String body, byte[] raw) {
    }

    private Answer post(String soapAction, Request request) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(request.body().length);
        c.setRequestProperty("Content-Type", request.contentType());
        if (soapAction != null) {
            c.setRequestProperty("SOAPAction", soapAction); // unquoted, as the old clients send it
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(request.body());
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] raw = in == null ? new byte[0] : in.readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        return new Answer(status, String.valueOf(c.getContentType()), body, raw);
    }

    private Answer post(String soapAction, byte[] multipartBody) throws IOException {
        return post(soapAction, multipart(multipartBody));
    }

    private static Answer get(URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] raw = in == null ? new byte[0] : in.readAllBytes();
        return new Answer(status, String.valueOf(c.getContentType()), new String(raw, StandardCharsets.UTF_8), raw);
    }

    private static List<String> codes(Answer a) {
        assertEquals(200, a.status, "business errors are Reports in HTTP 200: " + a.body);
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(a.body);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private List<Long> pendingIds() throws IOException {
        Answer a = post("GetPendingDocumentIds", xml(bodyRequest("GetPendingDocumentIdsRequest", demo.organId(), token, "")));
        assertTrue(a.body.contains("<edXML:DocumentIds"), a.body);
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<edXML:DocumentId>(\\d+)</edXML:DocumentId>").matcher(a.body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** StatusCodes of the Status entries whose ResponseFor/DocumentId is {@code documentId}. */
    private static List<String> statusCodesFor(String body, String documentId) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<edXML:Status>(.*?)</edXML:Status>").matcher(body);
        while (m.find()) {
            String s = m.group(1);
            if (s.contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId>")) {
                Matcher c = Pattern.compile("<edXML:StatusCode>([^<]*)</edXML:StatusCode>").matcher(s);
                if (c.find()) {
                    codes.add(c.group(1));
                }
            }
        }
        return codes;
    }

    /** The decoded content of the reply part {@code cid} (its body is base64 text, hub style). */
    private static byte[] attachmentPart(Answer a, String cid) {
        String boundary = a.contentType.replaceAll(".*boundary=\"([^\"]+)\".*", "$1");
        for (String part : new String(a.raw, StandardCharsets.ISO_8859_1).split("--" + Pattern.quote(boundary))) {
            if (part.contains("Content-ID: <" + cid + ">")) {
                String text = part.substring(part.indexOf("\r\n\r\n") + 4).trim();
                return Base64.getMimeDecoder().decode(text);
            }
        }
        throw new AssertionError("no part " + cid + " in " + a.body);
    }

    private String issueToken(String organId, String authorization) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base, "services/EdocAdmin/tokens").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setRequestProperty("Authorization", authorization);
        c.getOutputStream().write(("organId=" + URLEncoder.encode(organId, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, c.getResponseCode());
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String issued = body.replaceAll("(?s).*token=([^\\n]+)\\n.*", "$1");
        assertNotNull(issued);
        return issued;
    }

    @Test
    void repeatedWrongTokensLockTheOrganisationUntilTheWindowEnds() throws Exception {
        // A fresh organisation of its own, so the lock cannot disturb the other tests' token.
        String organ = "000.00.00.H77";
        String admin = "Bearer " + java.nio.file.Files.readString(
                AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        String right = issueToken(organ, admin);
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of("Permission"), codes(post("CheckPermission", xml(checkPermission(organ, "guess" + i)))));
        }
        assertEquals(List.of("AUTH.LOCKED"), codes(post("CheckPermission", xml(checkPermission(organ, right)))),
                "locked: the right token is refused too");
        // The integration tests' Micro counts failures in a 20 s window (arquillian.xml); then the token works again.
        vn.lienthong.it.support.Await.until("the lock to end", java.time.Duration.ofSeconds(50), () -> {
            List<String> codes = codes(post("CheckPermission", xml(checkPermission(organ, right))));
            if (codes.contains("AUTH.LOCKED")) {
                Thread.sleep(1000); // bounded by the deadline
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(codes);
        });
        assertFalse(codes(post("CheckPermission", xml(checkPermission(organ, right)))).contains("Permission"));
    }

    @Test
    void tokensAreIssuedOnlyToAuthenticatedAdministrators() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(base, "services/EdocAdmin/tokens").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().write("organId=000.00.00.G22".getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, c.getResponseCode());
        HttpURLConnection other = (HttpURLConnection) new URL(base, "services/EdocAdmin/tokens").openConnection();
        other.setRequestMethod("POST");
        other.setDoOutput(true);
        other.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (demo.username() + ":" + demo.password()).getBytes(StandardCharsets.UTF_8)));
        other.getOutputStream().write("organId=000.00.00.H49".getBytes(StandardCharsets.US_ASCII));
        assertEquals(403, other.getResponseCode(), "a client may not issue tokens for organisations not its own");
    }

    // ---------------------------------------------------------------- the axis side

    private static String uniqueNumber() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }

    private static String documentId(String from, String number) {
        return from + ",2026/11/23," + number + "/VPCP-TTĐT";
    }

    /** Via the WS-Security service: a document that was never stored is unknown there. */
    private void assertNotStored(String from, String number) throws Exception {
        DocumentExchangePort secured = ExchangeClients.secured(new URL(base, "services/DocumentExchange"), demo,
                demo.password());
        GetDocumentStatus q = new GetDocumentStatus();
        q.setFromOrganId(from);
        q.setDocumentId(documentId(from, number));
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> secured.getDocumentStatus(q));
        assertEquals("M.documentId", fault.getFaultInfo().getCode());
    }

    private static AxisClient counterpartClient() {
        return AxisClient.create(new AxisClientConfig(AxisSimulatorExtension.simulator().baseUri(),
                AxisSimulatorExtension.COUNTERPART_SYSTEM, AxisSimulatorExtension.counterpartSecret(),
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    private static Optional<Path> fetchFromAxisAsCounterpart(String documentId) throws Exception {
        try (AxisClient counterpart = counterpartClient()) {
            for (ReceivedItem item : counterpart.getReceivedEdocList(MessageType.EDOC)) {
                Path file = Files.createTempFile("fetched", ".edxml");
                Files.delete(file);
                counterpart.getEdoc(item.docId(), file);
                try (var in = Files.newInputStream(file)) {
                    if (documentId.equals(EdxmlHeaderScanner.scan(in).documentId())) {
                        return Optional.of(file);
                    }
                }
                Files.delete(file);
            }
        }
        return Optional.empty();
    }

    private static List<String> statusesReceivedBy(AxisClient counterpart, String documentId) throws Exception {
        List<String> codes = new ArrayList<>();
        for (ReceivedItem item : counterpart.getReceivedEdocList(MessageType.STATUS)) {
            Path file = Files.createTempFile("status", ".edxml");
            Files.delete(file);
            counterpart.getEdoc(item.docId(), file);
            try (var in = Files.newInputStream(file)) {
                PackageHeader h = EdxmlHeaderScanner.scan(in);
                if (documentId.equals(h.responseForDocumentId())) {
                    codes.add(h.statusCode());
                }
            }
            Files.delete(file);
        }
        return codes;
    }

    private Path packageFromCounterpart(String documentId, String number, byte[] content) throws Exception {
        MessageHeader header = new MessageHeader(Organization.of(AxisSimulatorExtension.COUNTERPART_ORGAN,
                "UBND tỉnh Nghệ An"), List.of(Organization.of(demo.organId(), "Văn phòng Chính phủ")), documentId,
                new DocumentCode(number, "UBND-VP"), new PromulgationInfo("Nghệ An", LocalDate.of(2026, 11, 23)),
                new DocumentType(1, null, "Công văn"), "Báo cáo cho hệ thống cũ", null, null, null,
                new OtherInfo(0, null, null, null, null, false, List.of()), List.of(), 0, List.of(), null, List.of());
        DocumentPackage pkg = new DocumentPackage(header, new TraceHeaderList(Bussiness.newDocument("Văn bản mới",
                null), List.of(new TraceHeader(AxisSimulatorExtension.COUNTERPART_ORGAN, LocalDateTime.now()))));
        Path file = Files.createTempFile("incoming", ".edxml");
        try (OutputStream out = Files.newOutputStream(file)) {
            new EdxmlWriter().writeDocument(pkg, List.of(new AttachmentSource("cong-van-den.pdf", "Công văn đến",
                    "application/pdf", () -> new ByteArrayInputStream(content))), out);
        }
        return file;
    }
}
