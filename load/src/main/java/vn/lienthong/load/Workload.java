package vn.lienthong.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one mode. The parts that do not change are built once; each request gets a fresh DocumentId (modes
 * that submit) and a fresh WS-Security header (Timestamp, Nonce, signature), as the adapter's replay marks require.
 */
final class Workload {

    /** Notation of every document the harness submits, so its DocumentIds are recognisable at the simulator. */
    static final String NOTATION = "LOAD";
    /** Notation of the documents seeded for the GetDocumentStatus mode. */
    static final String SEED_NOTATION = "SEED";
    static final String DATE = "2026/11/23";
    private static final String NS = "urn:lienthong:exchange:1";
    private static final String BOUNDARY = "MIMEBoundary_load_harness";

    /** One prepared HTTP request; {@code documentId} is the document it submits, or null. */
    record Request(URI uri, String soapAction, String contentType, byte[] body, String documentId) {
    }

    private final Mode mode;
    private final Target target;
    private final String legacyToken;
    private final byte[] attachment;
    private final String attachmentBase64;
    private final long seeded;
    private final AtomicLong sequence;

    Workload(Mode mode, Target target, String legacyToken, int attachmentBytes, long seeded) {
        this.mode = mode;
        this.target = target;
        this.legacyToken = legacyToken;
        this.attachment = pdfLike(attachmentBytes);
        this.attachmentBase64 = Base64.getEncoder().encodeToString(attachment);
        this.seeded = seeded;
        // numbers unique across runs against the same store: seconds of the epoch, then a counter
        this.sequence = new AtomicLong((System.currentTimeMillis() / 1000 % 10_000) * 1_000_000L); // ≤ 10 digits (max 11)
    }

    /** The next request of this mode; {@code security} belongs to the calling thread. */
    Request next(WsSecurity security) throws Exception {
        Credentials c = target.credentials();
        switch (mode) {
            case LEGACY_SEND: {
                String number = Long.toString(sequence.incrementAndGet());
                String id = documentId(c.organId(), number, NOTATION);
                return new Request(target.http("services/EdocService"), "SendDocument",
                        "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY + "\"; start=\"<Start>\"",
                        legacySend(c.organId(), id, number), id);
            }
            case SIGNED_SUBMIT:
            case SOAK: {
                String number = Long.toString(sequence.incrementAndGet());
                return new Request(target.http("services/DocumentExchange"), NS + ":SubmitDocument", "text/xml; charset=UTF-8",
                        security.signed(envelope(submitXml(c.organId(), number)), c.username(), c.password(),
                                c.keyAlias(), c.keyStorePassword()), documentId(c.organId(), number, NOTATION));
            }
            case UT_SUBMIT: {
                String number = Long.toString(sequence.incrementAndGet());
                return new Request(target.https("services/DocumentExchangeTls"), NS + ":SubmitDocument",
                        "text/xml; charset=UTF-8", security.usernameToken(envelope(submitXml(c.organId(), number)),
                                c.tlsUsername(), c.tlsPassword()), documentId(c.organId(), number, NOTATION));
            }
            case LIST_ORGS:
                return new Request(target.http("services/DocumentExchange"), NS + ":ListOrganisations",
                        "text/xml; charset=UTF-8", security.signed(envelope("<x:ListOrganisations xmlns:x=\"" + NS
                                + "\"><x:max>20</x:max></x:ListOrganisations>"), c.username(), c.password(),
                                c.keyAlias(), c.keyStorePassword()), null);
            case DOC_STATUS: {
                long n = 1 + ThreadLocalRandom.current().nextLong(Math.max(1, seeded));
                String body = "<x:GetDocumentStatus xmlns:x=\"" + NS + "\"><x:fromOrganId>" + c.organId()
                        + "</x:fromOrganId><x:documentId>" + documentId(c.organId(), Long.toString(n), SEED_NOTATION)
                        + "</x:documentId></x:GetDocumentStatus>";
                return new Request(target.http("services/DocumentExchange"), NS + ":GetDocumentStatus",
                        "text/xml; charset=UTF-8", security.signed(envelope(body), c.username(), c.password(),
                                c.keyAlias(), c.keyStorePassword()), null);
            }
            default:
                throw new IllegalStateException(mode.name());
        }
    }

    /** Whether an answer is the operation's success (not a fault, not a Report with error codes). */
    boolean accepted(int status, String body) {
        if (status != 200 || body.contains("Fault>")) {
            return false;
        }
        switch (mode) {
            case LEGACY_SEND:
                return !body.contains("<edXML:Code>") && !body.contains(":Code>");
            case LIST_ORGS:
                return body.contains("ListOrganisationsResponse");
            case DOC_STATUS:
                return body.contains("GetDocumentStatusResponse");
            default:
                return body.contains("SubmitDocumentResponse");
        }
    }

    /** The DocumentId the adapter composes: OrganId,yyyy/MM/dd,Number/Notation. */
    static String documentId(String organId, String number, String notation) {
        return organId + "," + DATE + "," + number + "/" + notation;
    }

    static String envelope(String bodyXml) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/><soap:Body>"
                + bodyXml + "</soap:Body></soap:Envelope>";
    }

    String submitXml(String from, String number) {
        return "<x:SubmitDocument xmlns:x=\"" + NS + "\"><x:document>"
                + "<x:fromOrganId>" + from + "</x:fromOrganId><x:fromOrganName>Văn phòng Chính phủ</x:fromOrganName>"
                + "<x:recipient><x:organId>" + Target.COUNTERPART + "</x:organId><x:organName>UBND tỉnh Nghệ An"
                + "</x:organName></x:recipient>"
                + "<x:codeNumber>" + number + "</x:codeNumber><x:codeNotation>" + NOTATION + "</x:codeNotation>"
                + "<x:promulgationPlace>Hà Nội</x:promulgationPlace><x:promulgationDate>2026-11-23</x:promulgationDate>"
                + "<x:documentType>1</x:documentType><x:documentTypeName>Công văn</x:documentTypeName>"
                + "<x:subject>V/v đo tải liên thông văn bản điện tử</x:subject>"
                + "<x:signerPosition>Chánh Văn phòng</x:signerPosition><x:signerFullName>Nguyễn Văn A</x:signerFullName>"
                + "<x:priority>1</x:priority>"
                + "<x:attachment><x:name>cong-van.pdf</x:name><x:contentType>application/pdf</x:contentType>"
                + "<x:content>" + attachmentBase64 + "</x:content></x:attachment>"
                + "</x:document></x:SubmitDocument>";
    }

    private byte[] legacySend(String from, String documentId, String number) {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<SOAP-ENV:Header><edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId><edXML:OrganizationInCharge/>"
                + "<edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName><edXML:OrganAdd/><edXML:Email/>"
                + "<edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:From>"
                + "<edXML:To><edXML:OrganId>" + Target.COUNTERPART + "</edXML:OrganId><edXML:OrganName>UBND tỉnh Nghệ An"
                + "</edXML:OrganName><edXML:OrganAdd/><edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/>"
                + "</edXML:To><edXML:DocumentId>" + documentId + "</edXML:DocumentId>"
                + "<edXML:Code><edXML:CodeNumber>" + number + "</edXML:CodeNumber>"
                + "<edXML:CodeNotation>" + NOTATION + "</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place>"
                + "<edXML:PromulgationDate>" + DATE + "</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName>"
                + "</edXML:DocumentType><edXML:Subject>V/v đo tải liên thông văn bản điện tử</edXML:Subject>"
                + "<edXML:Content/><edXML:SignerInfo><edXML:Competence/><edXML:Position>Chánh Văn phòng</edXML:Position>"
                + "<edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo><edXML:DueDate/><edXML:ToPlaces/>"
                + "<edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:SphereOfPromulgation/>"
                + "<edXML:TyperNotation/><edXML:PromulgationAmount>1</edXML:PromulgationAmount>"
                + "<edXML:PageAmount>1</edXML:PageAmount><edXML:Appendixes/></edXML:OtherInfo>"
                + "</edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>" + DATE + " 09:00:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness>"
                + "</edXML:TraceHeaderList><edXML:ErrorList/>"
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + from + "</edXML:OrganId><edXML:Token>"
                + legacyToken + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest><edXML:Reference xlink:href=\"cid:a\"><edXML:AttachmentName>"
                + "cong-van.pdf</edXML:AttachmentName></edXML:Reference></edXML:Manifest></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
        ByteArrayOutputStream b = new ByteArrayOutputStream(attachment.length + 8 * 1024);
        b.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nContent-ID: <Start>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(envelope.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <a>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(attachment);
        b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    /** {@code size} bytes starting like a PDF, the rest random (so nothing compresses it away). */
    static byte[] pdfLike(int size) {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[Math.max(size, head.length)];
        new java.util.Random(11).nextBytes(b);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }
}
