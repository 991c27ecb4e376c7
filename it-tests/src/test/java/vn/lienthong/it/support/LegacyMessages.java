package vn.lienthong.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import vn.lienthong.itsupport.LegacyEnvelopes;

/**
 * Old e-doc.vn requests as old QLVB products build them (spec legacy-edoc-soap.md), with holes for attacks: the one
 * place the tests build them (the legacy suite, the hostile catalogue, {@link LegacyClient}). SwA as the old
 * products send it: {@code start} without angle brackets, "Content-ID:" without a space. The SendDocument envelope
 * itself is it-support's {@link LegacyEnvelopes}, shared with it-resilience.
 */
public final class LegacyMessages {

    public static final String BOUNDARY = "MIMEBoundaryurn_uuid_0123456789";
    public static final String MULTIPART = "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"Start\"";

    private LegacyMessages() {
    }

    /** A 512-dialect SendDocument: every MessageHeader field, KeyInfo with OrganId + Token, a Manifest. */
    public static String sendDocument(String from, String to, String number, String token, String subject,
            String otherInfoExtra, String business, String references) {
        return sendDocument(from, from, to, number, token, subject, otherInfoExtra, business, references);
    }

    /** As above, authenticated as {@code keyOrgan} (KeyInfo) while sending in the name of {@code from}. */
    public static String sendDocument(String keyOrgan, String from, String to, String number, String token,
            String subject, String otherInfoExtra, String business, String references) {
        return LegacyEnvelopes.sendDocument(keyOrgan, from, to, number, token, subject, otherInfoExtra, business,
                references);
    }

    /** The DocumentId of the document {@code number} sent by {@code from} in these requests. */
    public static String documentId(String from, String number) {
        return LegacyEnvelopes.documentId(from, number);
    }

    public static String newDocument() {
        return LegacyEnvelopes.newDocument();
    }

    public static String reference(String cid, String name) {
        return LegacyEnvelopes.reference(cid, name);
    }

    /** Manifest references: cid, name, cid, name, … */
    public static String refs(String... cidAndName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cidAndName.length; i += 2) {
            b.append(reference(cidAndName[i], cidAndName[i + 1]));
        }
        return b.toString();
    }

    /** Credentials in the body: GetPendingDocumentIds, GetDocument, ConfirmReceived, GetTraces, GetOrganizations. */
    public static String bodyRequest(String element, String organId, String token, String extra) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + element + ">"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token>" + extra + "</" + element + ">"
                + "</soap:Body></soap:Envelope>";
    }

    public static String checkPermission(String organId, String token) {
        return checkPermission(organId, token, "http://schemas.xmlsoap.org/soap/envelope/");
    }

    public static String checkPermission(String organId, String token, String soapNs) {
        return "<soap:Envelope xmlns:soap=\"" + soapNs + "\"><soap:Header><CheckPermission>"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token></CheckPermission></soap:Header>"
                + "<soap:Body/></soap:Envelope>";
    }

    public static String updateTraces(String keyOrgan, String from, String token, String responseForOrgan,
            String documentId, String code) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\"><SOAP-ENV:Header><edXML:Signature><edXML:KeyInfo>"
                + "<edXML:OrganId>" + keyOrgan + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header><SOAP-ENV:Body><Status>"
                + "<From><OrganId>" + from + "</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>"
                + "<ResponseFor><OrganId>" + responseForOrgan + "</OrganId>"
                + "<DocumentId>" + documentId + "</DocumentId></ResponseFor>"
                + "<StaffInfo><Staff>Văn thư</Staff></StaffInfo><StatusCode>" + code + "</StatusCode>"
                + "<Description>Đã vào sổ</Description><Timestamp>2026/11/23 10:00:00</Timestamp></Status>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** SwA as the old products send it: the envelope part first, then the given parts. */
    public static byte[] multipart(String envelope, byte[]... parts) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(("--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                    + "Content-ID:<Start>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            b.write(envelope.getBytes(StandardCharsets.UTF_8));
            for (byte[] p : parts) {
                b.write(p);
            }
            b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] part(String cid, String type, String encoding, byte[] content) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(("\r\n--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: " + encoding
                    + "\r\nContent-ID: <" + cid + ">\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            b.write(content);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n% hostile suite\n".getBytes(StandardCharsets.US_ASCII);
    }
}
