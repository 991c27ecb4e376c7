package vn.lienthong.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.lienthong.it.hostile.HostileContext.OTHER_ORGAN;
import static vn.lienthong.it.hostile.HostileContext.STATUS;
import static vn.lienthong.it.hostile.HostileContext.SUBMIT;
import static vn.lienthong.it.hostile.HostileContext.statusXml;
import static vn.lienthong.it.hostile.HostileContext.uniqueNumber;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.RawHttp;
import vn.lienthong.it.support.WsRequests;

/**
 * Hostile requests to the WS-Security service: the security layer (WSS4J in {@code WsSecurityProfile}), what CXF
 * refuses before the endpoint, and what the endpoint and {@code SubmissionService} refuse (authorisation per
 * organisation, validation). Security-layer refusals get their stable {@code AUTH.*} code and audit entry from the
 * {@code wssec} branch.
 */
final class WsScenarios {

    private static final String WSS4J = "WSS4J (WsSecurityProfile.requestVerifier)";
    private static final String WSS4J_TLS = "WSS4J (WsSecurityProfile.usernameTokenVerifier)";
    private static final String COVERAGE = "soap.VerifyingInInterceptor (EnvelopeShape.signedTimestampProblem)";
    private static final String CXF = "CXF binding (before the endpoint) → RefusalFaults/MalformedRequests";
    private static final String STRICT = "StrictEnvelopeReader (Envelope/(Header?)/Body, as CXF reads the stream)";
    private static final String ENDPOINT = "DocumentExchangeEndpoint → SubmissionService.authorize*";
    private static final String VALIDATOR = "SubmissionValidator";
    private static final String H41 = AxisSimulatorExtension.COUNTERPART_ORGAN;

    private WsScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.addAll(securityLayer());
        s.addAll(beforeTheEndpoint());
        s.addAll(authorisation());
        s.addAll(validation());
        s.addAll(tlsProfile());
        return s;
    }

    private static Expect securityRefusal() {
        return Expect.soapFault().codeAndAudit("AUTH.", "wssec");
    }

    private static String submit(HostileContext c, String number, String subject) {
        return vn.lienthong.it.support.Documents.submitXml(c.demo.organId(), H41, number, subject);
    }

    // ------------------------------------------------------------------ WS-Security layer, signed port

    private static List<Scenario> securityLayer() {
        Face f = Face.WS_SIGNED;
        return List.of(
                Scenario.of("WS-01", f, "no wsse:Security header", WSS4J).expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, "<soap:Envelope xmlns:soap=\"" + WsRequests.SOAP11 + "\"><soap:Body>"
                                + submit(c, uniqueNumber(), "Không ký") + "</soap:Body></soap:Envelope>")),
                Scenario.of("WS-02", f, "wrong UsernameToken password", WSS4J + " → CredentialStoreValidator")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Sai"), c.demo)
                                .user(c.demo.username(), c.demo.password() + "x").build())),
                Scenario.of("WS-03", f, "unknown user name", WSS4J + " → CredentialStoreValidator")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Ai"), c.demo)
                                .user("nobody' OR '1'='1", "x").build())),
                Scenario.of("WS-04", f, "PasswordDigest UsernameToken (the adapter keeps only hashes)",
                        WSS4J + " → CredentialStoreValidator").expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Digest"), c.demo)
                                .digestPassword().build())),
                Scenario.of("WS-05", f, "Timestamp created 2 hours ago (expired)", WSS4J + " (timestamp TTL)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Cũ"), c.demo)
                                .created(Instant.now().minus(Duration.ofHours(2))).build())),
                Scenario.of("WS-06", f, "Timestamp created 1 hour in the future", WSS4J + " (future TTL 60 s)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Tương lai"), c.demo)
                                .created(Instant.now().plus(Duration.ofHours(1))).build())),
                Scenario.of("WS-07", f, "no Timestamp at all", WSS4J + " (action Timestamp required)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Không giờ"), c.demo)
                                .created(null).build())),
                Scenario.of("WS-08", f, "UsernameToken and Timestamp but no signature on the signed port",
                        WSS4J + " (action Signature required)").expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Không chữ ký"), c.demo)
                                .unsigned().build())),
                Scenario.of("WS-09", f, "body changed after signing (tampering)", WSS4J + " (digest mismatch)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Nguyên bản"), c.demo)
                                .build().replace("Nguyên bản", "Đã sửa"))),
                Scenario.of("WS-10", f, "signature wrapping: signed Body moved into a header, a forged Body in its place",
                        STRICT + "; behind it EnvelopeShape (the signed Body is the envelope's own)").expect(Expect.soapFault().code("AUTH.SIGNATURE").audit("AUTH.SIGNATURE"))
                        .send(c -> {
                            // Numbers tell, in a failure message, which of the two bodies the adapter acted on.
                            String n = Integer.toString(10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999));
                            return c.ws(f, SUBMIT, wrap(WsRequests.signed(submit(c, "111" + n, "Thật"), c.demo).build(),
                                    submit(c, "666" + n, "Giả mạo")));
                        }),
                Scenario.of("WS-19", f, "signature wrapping: forged Body in place, signed Body in a wrapper after it",
                        STRICT + "; behind it the coverage check").expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, wrapAfterBody(WsRequests.signed(submit(c, uniqueNumber(), "Thật"),
                                c.demo).build(), submit(c, uniqueNumber(), "Giả mạo")))),
                Scenario.of("WS-11", f, "signature covers the Timestamp only, not the Body",
                        "VerifyingInInterceptor → EnvelopeShape (signed Body); behind it the coverage check")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Thân không ký"), c.demo)
                                .signOnly(true, false).build())),
                Scenario.of("WS-12", f, "signature covers the Body only, not the Timestamp", COVERAGE)
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Giờ không ký"), c.demo)
                                .signOnly(false, true).build())),
                Scenario.of("WS-13", f, "certificate from a CA the adapter does not trust", WSS4J + " (trust store)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "CA lạ"), c.demo)
                                .signedBy(foreignKeys(), "intruder", "changeit").build())),
                Scenario.of("WS-14", f, "garbage base64 in the BinarySecurityToken", WSS4J + " (token parsing)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, replaceText(WsRequests.signed(submit(c, uniqueNumber(), "BST"), c.demo)
                                .build(), "BinarySecurityToken", "!!!not*base64==="))),
                Scenario.of("WS-15", f, "garbage base64 in the SignatureValue", WSS4J + " (signature check)")
                        .expect(securityRefusal())
                        .send(c -> c.ws(f, SUBMIT, replaceText(WsRequests.signed(submit(c, uniqueNumber(), "SigVal"), c.demo)
                                .build(), "SignatureValue", "AAAA@@@@%%%%"))),
                Scenario.of("WS-16", f, "replay: the same signed request sent a second time",
                        WSS4J + " (replay cache; wssec: store in the database)").expect(securityRefusal())
                        .send(c -> {
                            String once = WsRequests.signed(statusXml(c.demo.organId(), c.knownDocumentId), c.demo).build();
                            assertEquals(200, c.ws(f, STATUS, once).status(), "the first sending is valid");
                            return c.ws(f, STATUS, once);
                        }),
                Scenario.of("WS-17", f, "RSA-SHA1 signature with SHA-1 digests", "wssec: algorithm allow-list")
                        .needs("wssec").expect(securityRefusal())
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(), c.knownDocumentId), c.demo)
                                .algorithms(WsRequests.RSA_SHA1, WsRequests.SHA1).build())),
                Scenario.of("WS-18", f, "RSA-SHA256 signature but SHA-1 digests", "wssec: algorithm allow-list")
                        .needs("wssec").expect(securityRefusal())
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(), c.knownDocumentId), c.demo)
                                .algorithms(WsRequests.RSA_SHA256, WsRequests.SHA1).build())));
    }

    // ------------------------------------------------------------------ refused by CXF before the endpoint

    /** A SOAP fault with the stable code CXF's refusal is given (RefusalFaults → MalformedRequests), audited. */
    private static Expect refusedBeforeEndpoint(String code) {
        return Expect.soapFault().code(code).audit(code);
    }

    private static List<Scenario> beforeTheEndpoint() {
        Face f = Face.WS_SIGNED;
        String env = "<soap:Envelope xmlns:soap=\"" + WsRequests.SOAP11 + "\">";
        return List.of(
                Scenario.of("WS-20", f, "DOCTYPE with an external entity (XXE, file:///etc/passwd)", CXF + " (StAX: no DTD)")
                        .expect(refusedBeforeEndpoint("M.Envelope.DOCTYPE"))
                        .also(a -> assertFalse(a.body().contains("root:"), "no file content leaks"))
                        .send(c -> c.ws(f, SUBMIT, "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM"
                                + " \"file:///etc/passwd\">]>" + env + "<soap:Body>&x;</soap:Body></soap:Envelope>")),
                Scenario.of("WS-21", f, "entity expansion (billion laughs)", CXF + " (StAX: no DTD)")
                        .expect(refusedBeforeEndpoint("M.Envelope.DOCTYPE"))
                        .send(c -> c.ws(f, SUBMIT, "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>" + env + "<soap:Body>&d;</soap:Body></soap:Envelope>")),
                Scenario.of("WS-22", f, "malformed XML (unclosed elements)", CXF + " (SAAJ/StAX)")
                        .expect(refusedBeforeEndpoint("M.Envelope"))
                        .send(c -> c.ws(f, SUBMIT, env + "<soap:Body><oops>")),
                Scenario.of("WS-23", f, "SOAP 1.2 envelope on the SOAP 1.1 port", CXF + " (VersionMismatch)")
                        .expect(refusedBeforeEndpoint("M.Envelope.VERSION"))
                        .send(c -> RawHttp.request("POST", c.path(f)).header("Content-Type",
                                        "application/soap+xml; charset=UTF-8; action=\"" + STATUS + "\"")
                                .body("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                                        + statusXml(c.demo.organId(), c.knownDocumentId) + "</soap:Body></soap:Envelope>")
                                .send(c.server)),
                Scenario.of("WS-24", f, "JSON instead of SOAP", CXF + " (StAX)").expect(refusedBeforeEndpoint("M.Envelope"))
                        .send(c -> RawHttp.request("POST", c.path(f)).header("Content-Type", "application/json")
                                .body("{\"documentId\":\"x\"}").send(c.server)),
                Scenario.of("WS-25", f, "empty POST body", CXF).expect(refusedBeforeEndpoint("M.Envelope"))
                        .send(c -> RawHttp.request("POST", c.path(f)).header("Content-Type", "text/xml").send(c.server)),
                Scenario.of("WS-26", f, "envelope in a foreign namespace (not SOAP)", CXF)
                        .expect(refusedBeforeEndpoint("M.Envelope"))
                        .send(c -> c.ws(f, SUBMIT, "<soap:Envelope xmlns:soap=\"urn:not-soap\"><soap:Body>"
                                + statusXml(c.demo.organId(), c.knownDocumentId) + "</soap:Body></soap:Envelope>")),
                Scenario.of("WS-27", f, "validly signed body in a wrong namespace (unknown operation)",
                        CXF + " (DocLiteralInInterceptor)").expect(refusedBeforeEndpoint("M.Operation"))
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(), c.knownDocumentId)
                                .replace(HostileContext.NS, "urn:lienthong:exchange:666"), c.demo).build())),
                Scenario.of("WS-28", f, "validly signed request for an operation that does not exist",
                        CXF + " (DocLiteralInInterceptor)").expect(refusedBeforeEndpoint("M.Operation"))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:DeleteEverything", WsRequests.signed(
                                "<x:DeleteEverything xmlns:x=\"" + HostileContext.NS + "\"/>", c.demo).build())),
                Scenario.of("WS-29", f, "HTTP GET on the service (not ?wsdl)", CXF)
                        .expect(Expect.status(405).code("SYS.METHOD_NOT_ALLOWED").audit("SYS.METHOD_NOT_ALLOWED"))
                        .send(c -> RawHttp.request("GET", c.path(f)).send(c.server)),
                Scenario.of("WS-30", f, "HTTP PUT on the service", CXF)
                        .expect(Expect.status(405).code("SYS.METHOD_NOT_ALLOWED").audit("SYS.METHOD_NOT_ALLOWED"))
                        .send(c -> RawHttp.request("PUT", c.path(f)).header("Content-Type", "text/xml")
                                .body(env + "<soap:Body/></soap:Envelope>").send(c.server)),
                Scenario.of("WS-31", f, "XML nested 5000 levels deep", CXF + " (StAX depth limit)")
                        .expect(Expect.soapFault().code("LIMIT.XML_STRUCTURE").audit("LIMIT.XML_STRUCTURE"))
                        .send(c -> c.ws(f, SUBMIT, env + "<soap:Body>" + "<a>".repeat(5000) + "</a>".repeat(5000)
                                + "</soap:Body></soap:Envelope>")),
                Scenario.of("WS-32", f, "request declaring a 100 GB Content-Length", "limits: size check before parsing")
                        .needs("limits").expect(Expect.statusClass(4).codeAndAudit("LIMIT.", "limits"))
                        .send(c -> RawHttp.request("POST", c.path(f)).header("Content-Type", "text/xml")
                                .header("SOAPAction", "\"" + SUBMIT + "\"").header("Content-Length", "100000000000")
                                .body(env).send(c.server)),
                Scenario.of("WS-33", f, "a 64 KiB HTTP header line", "Payara HTTP listener (header size), before the application")
                        .expect(Expect.status(400))
                        .send(c -> RawHttp.request("POST", c.path(f)).header("Content-Type", "text/xml")
                                .header("X-Padding", "a".repeat(64 * 1024)).body(env + "<soap:Body/></soap:Envelope>")
                                .send(c.server)));
    }

    // ------------------------------------------------------------------ authorisation per organisation

    private static List<Scenario> authorisation() {
        Face f = Face.WS_SIGNED;
        Expect auth = Expect.soapFault().code("AUTH.ORGANISATION").audit("AUTH.ORGANISATION");
        String ns = "xmlns:x=\"" + HostileContext.NS + "\"";
        return List.of(
                Scenario.of("WS-40", f, "SubmitDocument in another organisation's name", ENDPOINT + " (SubmissionService.submit)")
                        .expect(auth).send(c -> c.ws(f, SUBMIT, WsRequests.signed(vn.lienthong.it.support.Documents
                                .submitXml(OTHER_ORGAN, H41, uniqueNumber(), "Mạo danh"), c.demo).build())),
                Scenario.of("WS-41", f, "GetDocumentStatus of a document of another organisation", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(OTHER_ORGAN, c.knownDocumentId), c.demo)
                                .build())),
                Scenario.of("WS-42", f, "ListIncoming of another organisation's inbox", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:ListIncoming", WsRequests.signed("<x:ListIncoming "
                                + ns + "><x:organId>" + OTHER_ORGAN + "</x:organId><x:kind>DOCUMENT</x:kind></x:ListIncoming>",
                                c.demo).build())),
                Scenario.of("WS-43", f, "GetIncomingDocument from another organisation's inbox", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:GetIncomingDocument", WsRequests.signed(
                                "<x:GetIncomingDocument " + ns + "><x:organId>" + OTHER_ORGAN + "</x:organId>"
                                        + "<x:itemId>1</x:itemId></x:GetIncomingDocument>", c.demo).build())),
                Scenario.of("WS-44", f, "AcknowledgeIncoming in another organisation's inbox", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:AcknowledgeIncoming", WsRequests.signed(
                                "<x:AcknowledgeIncoming " + ns + "><x:organId>" + OTHER_ORGAN + "</x:organId>"
                                        + "<x:itemId>1</x:itemId></x:AcknowledgeIncoming>", c.demo).build())),
                Scenario.of("WS-45", f, "ReportStatus as another organisation", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:ReportStatus", WsRequests.signed(reportStatus(
                                OTHER_ORGAN, H41, "x", "03"), c.demo).build())),
                Scenario.of("WS-46", f, "GetDocumentHistory as another organisation", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:GetDocumentHistory", WsRequests.signed(
                                "<x:GetDocumentHistory " + ns + "><x:organId>" + OTHER_ORGAN + "</x:organId><x:senderOrganId>"
                                        + c.demo.organId() + "</x:senderOrganId><x:documentId>" + c.knownDocumentId
                                        + "</x:documentId></x:GetDocumentHistory>", c.demo).build())),
                Scenario.of("WS-47", f, "RecallDocument of another organisation's document", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:RecallDocument", WsRequests.signed(
                                "<x:RecallDocument " + ns + "><x:fromOrganId>" + OTHER_ORGAN + "</x:fromOrganId><x:documentId>"
                                        + c.knownDocumentId + "</x:documentId><x:reason>Thu hồi</x:reason></x:RecallDocument>",
                                c.demo).build())),
                Scenario.of("WS-48", f, "fromOrganId with SQL injection (`G22' OR '1'='1`)", ENDPOINT).expect(auth)
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId() + "' OR '1'='1",
                                c.knownDocumentId), c.demo).build())));
    }

    private static String reportStatus(String organ, String sender, String documentId, String code) {
        return "<x:ReportStatus xmlns:x=\"" + HostileContext.NS + "\"><x:organId>" + organ + "</x:organId><x:senderOrganId>"
                + sender + "</x:senderOrganId><x:documentId>" + documentId + "</x:documentId><x:statusCode>" + code
                + "</x:statusCode></x:ReportStatus>";
    }

    // ------------------------------------------------------------------ validation, unknown ids, injection-looking input

    private static List<Scenario> validation() {
        Face f = Face.WS_SIGNED;
        String ns = "xmlns:x=\"" + HostileContext.NS + "\"";
        return List.of(
                Scenario.of("WS-50", f, "GetDocumentStatus of an unknown document id", "DocumentExchangeEndpoint (DocumentQuery)")
                        .expect(Expect.soapFault().code("M.documentId").audit("M.documentId"))
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(),
                                c.demo.organId() + ",2026/11/23,1/KHONG-CO"), c.demo).build())),
                Scenario.of("WS-51", f, "document id with SQL injection (`' OR '1'='1`)", "DocumentExchangeEndpoint (JPQL parameters)")
                        .expect(Expect.soapFault().code("M.documentId").audit("M.documentId"))
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(), "x' OR '1'='1"), c.demo)
                                .build())),
                Scenario.of("WS-52", f, "document id with path traversal (`../../../etc/passwd`)", "DocumentExchangeEndpoint")
                        .expect(Expect.soapFault().code("M.documentId").audit("M.documentId"))
                        .also(a -> assertFalse(a.body().contains("root:")))
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(), "../../../etc/passwd"),
                                c.demo).build())),
                Scenario.of("WS-53", f, "document id with CRLF and a Set-Cookie header (response splitting)",
                        "DocumentExchangeEndpoint").expect(Expect.soapFault().code("M.documentId").audit("M.documentId"))
                        .also(a -> assertEquals(null, a.header("Set-Cookie"), "no injected header"))
                        .send(c -> c.ws(f, STATUS, WsRequests.signed(statusXml(c.demo.organId(),
                                "x&#13;&#10;Set-Cookie: evil=1"), c.demo).build())),
                Scenario.of("WS-54", f, "attachment named `../../../../etc/cron.d/evil`", VALIDATOR)
                        .expect(Expect.soapFault().code("M.document/attachment[1]/name").audit("M.document/attachment[1]/name"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submitWithAttachment(c, "../../../../etc/cron.d/evil",
                                "JVBERi0xLjQ="), c.demo).build())),
                Scenario.of("WS-55", f, "attachment named with backslashes (`..\\..\\windows\\win.ini`)", VALIDATOR)
                        .expect(Expect.soapFault().code("M.document/attachment[1]/name").audit("M.document/attachment[1]/name"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submitWithAttachment(c, "..\\..\\windows\\win.ini",
                                "JVBERi0xLjQ="), c.demo).build())),
                Scenario.of("WS-56", f, "attachment name with CR LF", VALIDATOR)
                        .expect(Expect.soapFault().code("M.document/attachment[1]/name").audit("M.document/attachment[1]/name"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submitWithAttachment(c, "a&#13;&#10;b.pdf",
                                "JVBERi0xLjQ="), c.demo).build())),
                Scenario.of("WS-57", f, "attachment content that is not base64", VALIDATOR + " (JAXB drops what is not base64)")
                        .expect(Expect.soapFault().code("N.document/attachment[1]/content")
                                .audit("N.document/attachment[1]/content"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submitWithAttachment(c, "a.pdf", "!!!@@@###"), c.demo)
                                .build())),
                Scenario.of("WS-58", f, "recipient that is not an organisation id", VALIDATOR)
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(vn.lienthong.it.support.Documents.submitXml(
                                c.demo.organId(), "not an organ id!", uniqueNumber(), "Sai mã"), c.demo).build())),
                Scenario.of("WS-59", f, "recipient organisation id of 300 characters", VALIDATOR)
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(vn.lienthong.it.support.Documents.submitXml(
                                c.demo.organId(), "9".repeat(300), uniqueNumber(), "Mã dài"), c.demo).build())),
                Scenario.of("WS-60", f, "subject of 100 000 characters", VALIDATOR)
                        .expect(Expect.soapFault().code("R.document/subject").audit("R.document/subject"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "A".repeat(100_000)), c.demo)
                                .build())),
                Scenario.of("WS-61", f, "code number of 12 characters", VALIDATOR)
                        .expect(Expect.soapFault().code("R.document/codeNumber").audit("R.document/codeNumber"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, "123456789012", "Số dài"), c.demo).build())),
                Scenario.of("WS-62", f, "code number with `/` and `,` (DocumentId separators)", VALIDATOR)
                        .expect(Expect.soapFault().code("M.document/codeNumber").audit("M.document/codeNumber"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, "1/../2,3", "Tách mã"), c.demo).build())),
                Scenario.of("WS-63", f, "state-secret document", VALIDATOR + " (Decision 28/2018/QĐ-TTg)")
                        .expect(Expect.soapFault().code("M.document/stateSecret").audit("M.document/stateSecret"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Mật")
                                .replace("</x:subject>", "</x:subject><x:stateSecret>true</x:stateSecret>"), c.demo).build())),
                Scenario.of("WS-64", f, "SQL-looking subject on a document with an invalid priority (99)", VALIDATOR)
                        .expect(Expect.soapFault().code("R.document/priority").audit("R.document/priority"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(),
                                "x'); DROP TABLE document; --").replace("</x:subject>", "</x:subject><x:priority>99</x:priority>"),
                                c.demo).build())),
                Scenario.of("WS-65", f, "update (business type 2) of a document that does not exist",
                        "SubmissionService (business change target)")
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submit(c, uniqueNumber(), "Cập nhật")
                                .replace("</x:subject>", "</x:subject><x:business><x:type>2</x:type><x:targetDocumentId>"
                                        + c.demo.organId() + ",2026/11/23,424242/KHONG-CO</x:targetDocumentId><x:reason>Sửa"
                                        + "</x:reason></x:business>"), c.demo).build())),
                Scenario.of("WS-66", f, "RecallDocument of an unknown document", "RecallService")
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:RecallDocument", WsRequests.signed(
                                "<x:RecallDocument " + ns + "><x:fromOrganId>" + c.demo.organId() + "</x:fromOrganId>"
                                        + "<x:documentId>../../etc/passwd</x:documentId><x:reason>Thu hồi</x:reason>"
                                        + "</x:RecallDocument>", c.demo).build())),
                Scenario.of("WS-67", f, "ReportStatus about a document never received", "StatusReporting")
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:ReportStatus", WsRequests.signed(reportStatus(
                                c.demo.organId(), H41, H41 + ",2026/11/23,1/KHONG-CO", "03"), c.demo).build())),
                Scenario.of("WS-68", f, "GetIncomingDocument with an unknown item id", "Inbox")
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:GetIncomingDocument", WsRequests.signed(
                                "<x:GetIncomingDocument " + ns + "><x:organId>" + c.demo.organId() + "</x:organId>"
                                        + "<x:itemId>../../../etc/passwd</x:itemId></x:GetIncomingDocument>", c.demo).build())),
                Scenario.of("WS-69", f, "AcknowledgeIncoming with an unknown item id", "Inbox")
                        .expect(Expect.soapFault().code("M.").audit("M."))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:AcknowledgeIncoming", WsRequests.signed(
                                "<x:AcknowledgeIncoming " + ns + "><x:organId>" + c.demo.organId() + "</x:organId>"
                                        + "<x:itemId>' OR 1=1 --</x:itemId></x:AcknowledgeIncoming>", c.demo).build())),
                Scenario.of("WS-70", f, "ListIncoming with an unknown kind", "DocumentExchangeEndpoint (required kind)")
                        .expect(Expect.soapFault().code("N.kind").audit("N.kind"))
                        .send(c -> c.ws(f, "urn:lienthong:exchange:1:ListIncoming", WsRequests.signed("<x:ListIncoming "
                                + ns + "><x:organId>" + c.demo.organId() + "</x:organId><x:kind>EVERYTHING</x:kind>"
                                + "</x:ListIncoming>", c.demo).build())),
                Scenario.of("WS-71", f, "21 attachments (limit 20)", VALIDATOR)
                        .expect(Expect.soapFault().code("R.document/attachment").audit("R.document/attachment"))
                        .send(c -> c.ws(f, SUBMIT, WsRequests.signed(submitWithAttachments(c, 21), c.demo).build())));
    }

    private static String submitWithAttachment(HostileContext c, String name, String base64) {
        return submit(c, uniqueNumber(), "Tệp đính kèm").replace("</x:subject>", "</x:subject><x:attachment><x:name>"
                + name + "</x:name><x:contentType>application/pdf</x:contentType><x:content>" + base64
                + "</x:content></x:attachment>");
    }

    private static String submitWithAttachments(HostileContext c, int count) {
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < count; i++) {
            files.append("<x:attachment><x:name>p").append(i).append(".pdf</x:name><x:contentType>application/pdf"
                    + "</x:contentType><x:content>JVBERi0xLjQ=</x:content></x:attachment>");
        }
        return submit(c, uniqueNumber(), "Nhiều tệp").replace("</x:subject>", "</x:subject>" + files);
    }

    // ------------------------------------------------------------------ the UsernameToken (TLS) profile

    /**
     * These requests travel over plain HTTP: once the tls branch refuses that before WS-Security, they are still
     * refused with an AUTH code, only by another layer and possibly with another status.
     */
    private static Expect tlsRefusal() {
        return Expect.refused().codeAndAudit("AUTH.", "wssec");
    }

    private static List<Scenario> tlsProfile() {
        Face f = Face.WS_TLS;
        return List.of(
                Scenario.of("TLS-01", f, "valid UsernameToken request over plain HTTP", "tls: HTTPS required")
                        .needs("tls").expect(Expect.refused().codeAndAudit("AUTH.", "tls"))
                        .send(c -> c.ws(f, STATUS, WsRequests.usernameToken(statusXml(c.demo.organId(),
                                c.knownDocumentId), c.demo).build())),
                Scenario.of("TLS-02", f, "wrong password", WSS4J_TLS).expect(tlsRefusal())
                        .send(c -> c.ws(f, STATUS, WsRequests.usernameToken(statusXml(c.demo.organId(),
                                c.knownDocumentId), c.demo).user(c.demo.tlsUsername(), "wrong").build())),
                Scenario.of("TLS-03", f, "no wsse:Security header", WSS4J_TLS).expect(tlsRefusal())
                        .send(c -> c.ws(f, STATUS, "<soap:Envelope xmlns:soap=\"" + WsRequests.SOAP11 + "\"><soap:Body>"
                                + statusXml(c.demo.organId(), c.knownDocumentId) + "</soap:Body></soap:Envelope>")),
                Scenario.of("TLS-04", f, "expired Timestamp", WSS4J_TLS).expect(tlsRefusal())
                        .send(c -> c.ws(f, STATUS, WsRequests.usernameToken(statusXml(c.demo.organId(),
                                c.knownDocumentId), c.demo).created(Instant.now().minus(Duration.ofHours(2))).build())),
                Scenario.of("TLS-05", f, "replay: the same UsernameToken (nonce, created) twice", "wssec: nonce store")
                        .needs("wssec").expect(tlsRefusal())
                        .send(c -> {
                            String once = WsRequests.usernameToken(statusXml(c.demo.organId(), c.knownDocumentId), c.demo)
                                    .build();
                            c.ws(f, STATUS, once);
                            return c.ws(f, STATUS, once);
                        }),
                Scenario.of("TLS-06", f, "valid UsernameToken login asking about another organisation's document",
                        ENDPOINT).expect(Expect.refused().code("AUTH.").audit("AUTH."))
                        .send(c -> c.ws(f, STATUS, WsRequests.usernameToken(statusXml(OTHER_ORGAN, c.knownDocumentId),
                                c.demo).build())),
                Scenario.of("TLS-07", f, "PasswordDigest UsernameToken", WSS4J_TLS).expect(tlsRefusal())
                        .send(c -> c.ws(f, STATUS, WsRequests.usernameToken(statusXml(c.demo.organId(),
                                c.knownDocumentId), c.demo).digestPassword().build())));
    }

    // ------------------------------------------------------------------ helpers

    /** Moves the signed Body into a wrapper in the SOAP header and puts {@code forgedBody} where it was. */
    static String wrap(String signedEnvelope, String forgedBody) {
        Matcher body = Pattern.compile("(?s)<soap:Body\\b[^>]*>.*</soap:Body>").matcher(signedEnvelope);
        if (!body.find()) {
            throw new IllegalStateException("no Body in " + signedEnvelope);
        }
        String original = body.group();
        String forged = signedEnvelope.replace(original, "<soap:Body>" + forgedBody + "</soap:Body>");
        return forged.replaceFirst("</wsse:Security>", java.util.regex.Matcher.quoteReplacement(
                "</wsse:Security><w:Wrapper xmlns:w=\"urn:attacker\" soap:mustUnderstand=\"0\">" + original
                        + "</w:Wrapper>"));
    }

    /** Puts {@code forgedBody} where the signed Body was and the signed Body in a wrapper after it. */
    static String wrapAfterBody(String signedEnvelope, String forgedBody) {
        Matcher body = Pattern.compile("(?s)<soap:Body\\b[^>]*>.*</soap:Body>").matcher(signedEnvelope);
        if (!body.find()) {
            throw new IllegalStateException("no Body in " + signedEnvelope);
        }
        String original = body.group();
        return signedEnvelope.replace(original, "<soap:Body>" + forgedBody + "</soap:Body><w:Wrapper"
                + " xmlns:w=\"urn:attacker\">" + original + "</w:Wrapper>");
    }

    /** Replaces the text content of the first element with this local name (any prefix). */
    static String replaceText(String xml, String localName, String text) {
        Matcher m = Pattern.compile("(<(?:\\w+:)?" + localName + "\\b[^>]*>)[^<]*(</(?:\\w+:)?" + localName + ">)")
                .matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + localName + " in " + xml);
        }
        return xml.substring(0, m.start()) + m.group(1) + text + m.group(2) + xml.substring(m.end());
    }

    private static KeyStore foreignKeys;

    /** A key and certificate from a CA the adapter has never seen (generated per run, never stored). */
    static synchronized KeyStore foreignKeys() throws Exception {
        if (foreignKeys == null) {
            DemoPki intruder = DemoPki.newCa("Intruder CA");
            DemoPki.Issued cert = intruder.issueRsa("demo-clerk", Duration.ofDays(2));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("intruder", cert.privateKey(), "changeit".toCharArray(),
                    new Certificate[] { cert.certificate(), cert.caCertificate() });
            foreignKeys = ks;
        }
        return foreignKeys;
    }
}
