package vn.lienthong.itsupport;

/**
 * The old e-doc.vn SendDocument envelope as old QLVB products build it (spec legacy-edoc-soap.md, 512 dialect):
 * every MessageHeader field, KeyInfo with OrganId + Token in the header, a Manifest of attachment references in
 * the body. Written once for it-tests (the legacy suite, the hostile catalogue, which fill the holes with
 * attacks) and it-resilience (large files on the old protocol); how it travels (SwA, streamed or not) is theirs.
 */
public final class LegacyEnvelopes {

    private LegacyEnvelopes() {
    }

    /**
     * SendDocument of document {@code number} from {@code from} to {@code to}, authenticated as {@code keyOrgan}
     * (KeyInfo, usually {@code from}) with {@code token}. {@code otherInfoExtra}, {@code business} and
     * {@code references} are inserted as they are (XML fragments: extra OtherInfo fields, the Bussiness element's
     * content such as {@link #newDocument()}, the Manifest's {@link #reference references}).
     */
    public static String sendDocument(String keyOrgan, String from, String to, String number, String token,
            String subject, String otherInfoExtra, String business, String references) {
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
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName>"
                + "</edXML:DocumentType>"
                + "<edXML:Subject>" + subject + "</edXML:Subject><edXML:Content/>"
                + "<edXML:SignerInfo><edXML:Competence/><edXML:Position>Chánh Văn phòng</edXML:Position>"
                + "<edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo><edXML:DueDate/><edXML:ToPlaces/>"
                + "<edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:SphereOfPromulgation/>"
                + "<edXML:TyperNotation/><edXML:PromulgationAmount>1</edXML:PromulgationAmount>"
                + "<edXML:PageAmount>1</edXML:PageAmount><edXML:Appendixes/>" + otherInfoExtra + "</edXML:OtherInfo>"
                + "</edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/23 09:00:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness>" + business + "</edXML:Bussiness>"
                + "</edXML:TraceHeaderList><edXML:ErrorList/>"
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + keyOrgan + "</edXML:OrganId>"
                + "<edXML:Token>" + token + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest>" + references + "</edXML:Manifest></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
    }

    /** The DocumentId of the document {@code number} sent by {@code from} in these envelopes. */
    public static String documentId(String from, String number) {
        return from + ",2026/11/23," + number + "/VPCP-TTĐT";
    }

    /** The Bussiness content of a new document (BussinessDocType 0). */
    public static String newDocument() {
        return "<edXML:BussinessDocType>0</edXML:BussinessDocType>";
    }

    /** One Manifest reference: the attachment in the MIME part {@code cid}, named {@code name}. */
    public static String reference(String cid, String name) {
        return "<edXML:Reference xlink:href=\"cid:" + cid + "\"><edXML:AttachmentName>" + name
                + "</edXML:AttachmentName></edXML:Reference>";
    }
}
