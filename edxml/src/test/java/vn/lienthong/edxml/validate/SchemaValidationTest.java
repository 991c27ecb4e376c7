package vn.lienthong.edxml.validate;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;

/** Our writer's output, unsigned and signed, conforms to our strict schemas; deviations are caught. */
class SchemaValidationTest {

    private static void validate(javax.xml.validation.Schema schema, byte[] xml) throws Exception {
        EdxmlSchemas.validator(schema).validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void writerOutputIsValid() throws Exception {
        byte[] doc = SamplePackages.newDocumentBytes();
        validate(EdxmlSchemas.document(), doc);
        byte[] status = SamplePackages.statusBytes("02");
        validate(EdxmlSchemas.status(), status);
        TestPki pki = TestPki.rsa();
        for (byte[] unsigned : new byte[][] {doc, status}) {
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            new PackageSigner(pki.credentials()).sign(new ByteArrayInputStream(unsigned), signed);
            validate(unsigned == doc ? EdxmlSchemas.document() : EdxmlSchemas.status(), signed.toByteArray());
        }
    }

    @Test
    void mistakesInWhatWeEmitAreCaught() throws Exception {
        String doc = new String(SamplePackages.newDocumentBytes(), StandardCharsets.UTF_8);
        for (String broken : new String[] {
            doc.replace("<edXML:Priority>1<", "<edXML:Priority>7<"),
            doc.replace("2025/11/20</edXML:PromulgationDate>", "20/11/2025</edXML:PromulgationDate>"),
            doc.replaceFirst("<ContentId>cid:", "<ContentId>"),
            doc.replace("<edXML:OrganId>000.00.00.G22</edXML:OrganId>", "<edXML:OrganId>vxp.saas.03</edXML:OrganId>"),
            doc.replace("<edXML:Paper>0</edXML:Paper>", ""),
        }) {
            assertThrows(SAXException.class, () -> validate(EdxmlSchemas.document(),
                    broken.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void vendorOrderIsLooserThanOurs() {
        // TraceHeader before Bussiness and a QCVN-namespace placeholder Signature: read fine, not what we emit.
        assertThrows(SAXException.class, () -> validate(EdxmlSchemas.document(),
                Files.readAllBytes(Fixtures.vendor("edoc_update.edxml"))));
    }
}
