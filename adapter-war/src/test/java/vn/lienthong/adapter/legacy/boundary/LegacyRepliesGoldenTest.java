package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyDocument;
import vn.lienthong.adapter.legacy.control.LegacyFault.LegacyError;
import vn.lienthong.adapter.legacy.control.LegacyOrganisation;
import vn.lienthong.adapter.legacy.control.LegacyTrace;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.XmlPath;

/**
 * Golden files per operation for what the endpoint answers ({Operation}.response.xml), each also validated
 * against the published schema (wsdl/edoc-schema.xsd) so the contract and the replies cannot drift apart.
 */
class LegacyRepliesGoldenTest {

    private final LegacyReplies replies = new LegacyReplies(EdocMappings.v1());

    @Test
    void sendDocument() throws Exception {
        check("SendDocument.response.xml", replies.sendDocumentAccepted(42));
        check("SendDocument.refused.response.xml", replies.report("SendDocumentResponse",
                List.of(new LegacyError("N.MessageHeader.Code.CodeNumber", "Missing required field document/codeNumber"))));
    }

    @Test
    void getPendingDocumentIds() throws Exception {
        check("GetPendingDocumentIds.response.xml", replies.pendingDocumentIds(List.of(42L, 43L)));
        check("GetPendingDocumentIds.empty.response.xml", replies.pendingDocumentIds(List.of()));
    }

    @Test
    void getDocument() throws Exception {
        MessageHeader h = new MessageHeader(
                new Organization("000.00.00.H41", "UBND tỉnh Nghệ An", "UBND tỉnh Nghệ An", "Vinh", null, null, null, null),
                List.of(Organization.of("000.00.00.G22", "Văn phòng Chính phủ")),
                "000.00.00.H41,2025/11/19,45/UBND-VX", new DocumentCode("45", "UBND-VX"),
                new PromulgationInfo("Vinh", LocalDate.of(2025, 11, 19)), new DocumentType(2, null, "Công văn"),
                "V/v báo cáo", "Nội dung", new SignerInfo("TM. UBND", "Chủ tịch", "Trần Thị B"), null,
                new OtherInfo(0, null, null, 1, 2, null, List.of()), List.of(), 0, List.of(), null, List.of());
        TraceHeaderList traces = new TraceHeaderList(new Bussiness(null, BusinessType.NEW, "Văn bản mới", 0,
                List.of(), List.of(), List.of()), List.of(new TraceHeader("000.00.00.H41", LocalDateTime.of(2025, 11, 19, 8, 0))));
        var doc = new LegacyDocument(h, traces, List.of(new LegacyDocument.File("att1-42", "bao-cao.pdf", "Báo cáo",
                "application/pdf", Path.of("unused"))));
        check("GetDocument.response.xml", replies.document(doc));
        check("GetDocument.refused.response.xml", replies.report(null,
                List.of(new LegacyError(LegacyCodes.DOCUMENT_ID, "No document 99 for 000.00.00.G22"))));
    }

    @Test
    void confirmReceivedUpdateTracesCheckPermission() throws Exception {
        check("ConfirmReceived.response.xml", replies.report("ConfirmReceivedResponse", List.of()));
        check("UpdateTraces.response.xml", replies.report("UpdateTracesResponse", List.of()));
        check("CheckPermission.response.xml", replies.report("CheckPermissionResponse", List.of()));
        check("CheckPermission.refused.response.xml", replies.report("CheckPermissionResponse",
                List.of(new LegacyError(LegacyCodes.PERMISSION, "The organization does not have permission to connect"))));
    }

    @Test
    void getTraces() throws Exception {
        check("GetTraces.response.xml", replies.traces(List.of(new LegacyTrace("000.00.00.H41", null, "000.00.00.G22",
                "123/VPCP-TTĐT", LocalDate.of(2025, 11, 20), "000.00.00.G22,2025/11/20,123/VPCP-TTĐT", "Văn thư",
                "3", "Đã tiếp nhận", LocalDateTime.of(2025, 11, 20, 11, 0, 0)))));
    }

    @Test
    void getOrganizations() throws Exception {
        check("GetOrganizations.response.xml", replies.organisations(List.of(
                new LegacyOrganisation("000.00.00.G22", null, "Văn phòng Chính phủ", null, null, null, null, null,
                        true, false, false, null),
                new LegacyOrganisation("000.00.00.H41", "Chính phủ", "UBND tỉnh Nghệ An", null, "vanthu@nghean.gov.vn",
                        null, null, null, false, true, false, "H41"))));
    }

    @Test
    void unknownAction() throws Exception {
        check("UnknownAction.response.xml", replies.report(null,
                List.of(new LegacyError(LegacyCodes.UNKNOWN_ACTION, "Unknown SOAPAction"))));
    }

    private static void check(String name, byte[] reply) throws Exception {
        String text = new String(reply, StandardCharsets.UTF_8);
        assertFalse(text.contains("tok-"), "never a token in a reply");
        validate(reply);
        Golden.assertMatches(name, text.replace("><", ">\n<") + "\n");
    }

    /** Every edXML element in Header and Body must be valid against the published schema. */
    private static void validate(byte[] reply) throws Exception {
        Element envelope = SafeXml.parse(reply).getDocumentElement();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = f.newSchema(LegacyRepliesGoldenTest.class.getClassLoader().getResource("wsdl/edoc-schema.xsd"));
        for (String part : new String[] {"Header", "Body"}) {
            Element container = XmlPath.first(envelope, part);
            if (container == null) {
                continue;
            }
            for (Element e : XmlPath.children(container)) {
                schema.newValidator().validate(new DOMSource(e));
            }
        }
        new ByteArrayInputStream(reply).close();
    }
}
