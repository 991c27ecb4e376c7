package vn.lienthong.edxml.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.validate.EdxmlSchemas;
import vn.lienthong.edxml.validate.PackageValidator;

/** Each business type as we emit it: schema-valid, validator-clean, read back unchanged. */
class BusinessPackagesTest {

    static DocumentPackage of(BusinessType type) {
        DocumentPackage base = SamplePackages.newDocument();
        String original = SamplePackages.SENDER + ",2025/11/01,100/VPT-TH";
        StaffInfo staff = base.traceHeaderList().bussiness().staffInfos().get(0);
        Bussiness b = switch (type) {
            case NEW -> base.traceHeaderList().bussiness();
            case RECALL -> new Bussiness(original, type, "Thu hồi văn bản điện tử", 0, List.of(), List.of(),
                    List.of(staff));
            case UPDATE -> new Bussiness(original, type, "Cập nhật văn bản điện tử", 0,
                    List.of(new BussinessDocumentInfo(1, 1, List.of(new Receiver("000.00.00.H41", 0),
                            new Receiver("000.00.00.H14", 1)))), List.of(), List.of(staff));
            case REPLACE -> new Bussiness(null, type, "Văn bản thay thế", 0, List.of(),
                    List.of(new ReplacementInfo(original, List.of("000.00.00.H41", "G12"))), List.of(staff));
        };
        MessageHeader h = base.header();
        if (type == BusinessType.RECALL) {
            h = new MessageHeader(h.from(), h.to(), original, h.code(), h.promulgationInfo(), h.documentType(),
                    h.subject(), h.content(), h.signerInfo(), h.dueDate(), h.otherInfo(),
                    List.of(new ResponseFor(SamplePackages.SENDER, "100/VPT-TH", original, LocalDate.of(2025, 11, 1))),
                    h.steeringType(), h.responseForTask(), h.applicationType(), h.toPlaces());
        }
        return new DocumentPackage(h, new TraceHeaderList(b, base.traceHeaderList().traceHeaders()));
    }

    @ParameterizedTest
    @EnumSource(BusinessType.class)
    void writtenValidatedAndReadBack(BusinessType type) throws Exception {
        DocumentPackage pkg = of(type);
        assertEquals(List.of(), PackageValidator.forOutgoing().validate(pkg).stream().filter(f -> f.isError())
                .toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter().writeDocument(pkg, SamplePackages.attachments(), out);
        EdxmlSchemas.validator(EdxmlSchemas.document()).validate(new StreamSource(
                new ByteArrayInputStream(out.toByteArray())));
        ReadResult r = new EdxmlReader().read(new ByteArrayInputStream(out.toByteArray()), AttachmentSink.discard());
        assertFalse(r.hasErrors(), r.errors().toString());
        assertEquals(type, r.document().businessType());
        assertEquals(pkg.header(), r.document().header());
        assertEquals(pkg.traceHeaderList(), r.document().traceHeaderList());
    }
}
