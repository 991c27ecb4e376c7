package vn.lienthong.itsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The envelope both integration modules send is well-formed and carries what the adapter reads from it. */
class LegacyEnvelopesTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String EDXML = "http://www.e-doc.vn/Schema/";

    @Test
    void sendDocumentCarriesTheHeaderTheKeyAndTheManifest() throws Exception {
        Document d = parse(LegacyEnvelopes.sendDocument("000.00.00.G23", "000.00.00.G22", "000.00.00.H41", "45",
                "tok-1", "Trích yếu", "", LegacyEnvelopes.newDocument(),
                LegacyEnvelopes.reference("file1", "van-ban.pdf")));

        assertEquals("000.00.00.G22,2026/11/23,45/VPCP-TTĐT", text(d, "DocumentId"));
        assertEquals(LegacyEnvelopes.documentId("000.00.00.G22", "45"), text(d, "DocumentId"));
        Element from = (Element) d.getElementsByTagNameNS(EDXML, "From").item(0);
        assertEquals("000.00.00.G22", from.getElementsByTagNameNS(EDXML, "OrganId").item(0).getTextContent());
        Element to = (Element) d.getElementsByTagNameNS(EDXML, "To").item(0);
        assertEquals("000.00.00.H41", to.getElementsByTagNameNS(EDXML, "OrganId").item(0).getTextContent());
        Element key = (Element) d.getElementsByTagNameNS(EDXML, "KeyInfo").item(0);
        assertEquals("000.00.00.G23", key.getElementsByTagNameNS(EDXML, "OrganId").item(0).getTextContent());
        assertEquals("tok-1", key.getElementsByTagNameNS(EDXML, "Token").item(0).getTextContent());
        assertEquals("0", text(d, "BussinessDocType"));
        assertEquals("Trích yếu", text(d, "Subject"));

        Element body = (Element) d.getElementsByTagNameNS(SOAP, "Body").item(0);
        Element ref = (Element) body.getElementsByTagNameNS(EDXML, "Reference").item(0);
        assertEquals("cid:file1", ref.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
        assertEquals("van-ban.pdf", text(d, "AttachmentName"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String localName) {
        return d.getElementsByTagNameNS(EDXML, localName).item(0).getTextContent();
    }
}
