package vn.lienthong.edxml.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.validate.StatusContext.ChangeRequest;

class PackageValidatorTest {

    private static boolean has(List<Finding> findings, String code, Severity severity) {
        return findings.stream().anyMatch(f -> f.code().equals(code) && f.severity() == severity);
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    @Test
    void ourSamplePackageIsClean() {
        assertTrue(errors(PackageValidator.forOutgoing().validate(SamplePackages.newDocument())).isEmpty());
    }

    @Test
    void requiredFieldsAndCodeLists() {
        DocumentPackage sample = SamplePackages.newDocument();
        MessageHeader h = sample.header();
        MessageHeader broken = new MessageHeader(Organization.of(null, "x"), List.of(), null, null, null, null, null,
                null, null, null, new OtherInfo(7, null, null, null, null, null, null), List.of(), 9, List.of(),
                null, List.of());
        List<Finding> f = PackageValidator.forOutgoing().validate(new DocumentPackage(broken, sample.traceHeaderList()));
        assertTrue(has(f, "N.MessageHeader.From.OrganId", Severity.ERROR), f.toString());
        assertTrue(has(f, "N.MessageHeader.To", Severity.ERROR));
        assertTrue(has(f, "N.MessageHeader.DocumentId", Severity.ERROR));
        assertTrue(has(f, "N.MessageHeader.Code", Severity.ERROR));
        assertTrue(has(f, "N.MessageHeader.Subject", Severity.ERROR));
        assertTrue(has(f, "R.MessageHeader.OtherInfo.Priority", Severity.ERROR));
        assertTrue(has(f, "R.MessageHeader.SteeringType", Severity.WARNING));
        List<Finding> received = PackageValidator.forReceived().validate(new DocumentPackage(broken,
                sample.traceHeaderList()));
        assertTrue(has(received, "N.MessageHeader.Code", Severity.WARNING), "tolerated on receipt");
        MessageHeader future = new MessageHeader(h.from(), h.to(), h.documentId(), h.code(),
                new vn.lienthong.edxml.model.PromulgationInfo("HN", LocalDate.now().plusDays(30)), h.documentType(),
                "x".repeat(600), h.content(), h.signerInfo(), h.dueDate(), h.otherInfo(), h.responseFor(),
                h.steeringType(), h.responseForTask(), h.applicationType(), h.toPlaces());
        List<Finding> g = new PackageValidator(ValidationProfile.LEGACY_INTAKE)
                .validate(new DocumentPackage(future, sample.traceHeaderList()));
        assertTrue(has(g, "M.MessageHeader.PromulgationInfo.PromulgationDate", Severity.ERROR));
        assertTrue(has(g, "R.MessageHeader.Subject", Severity.ERROR), "limits are input limits for legacy intake");
        assertTrue(has(PackageValidator.forOutgoing().validate(new DocumentPackage(future, sample.traceHeaderList())),
                "R.MessageHeader.Subject", Severity.WARNING), "and warnings on what we emit");
    }

    @Test
    void businessTypesNeedTheirBlocks() {
        DocumentPackage sample = SamplePackages.newDocument();
        for (BusinessType t : List.of(BusinessType.UPDATE, BusinessType.REPLACE, BusinessType.RECALL)) {
            Bussiness b = new Bussiness(null, t, null, 0, List.of(), List.of(), List.of());
            List<Finding> f = PackageValidator.forOutgoing().validate(new DocumentPackage(sample.header(),
                    new TraceHeaderList(b, sample.traceHeaderList().traceHeaders())));
            assertFalse(errors(f).isEmpty(), t + " " + f);
        }
    }

    @Test
    void outgoingIdentifiersMustBeStandard() {
        DocumentPackage sample = SamplePackages.newDocument();
        MessageHeader h = sample.header();
        MessageHeader odd = new MessageHeader(Organization.of("vxp.saas.03", "x"), h.to(), h.documentId(), h.code(),
                h.promulgationInfo(), h.documentType(), h.subject(), h.content(), h.signerInfo(), h.dueDate(),
                h.otherInfo(), h.responseFor(), h.steeringType(), h.responseForTask(), h.applicationType(),
                h.toPlaces());
        DocumentPackage pkg = new DocumentPackage(odd, sample.traceHeaderList());
        assertTrue(has(PackageValidator.forOutgoing().validate(pkg), "T.MessageHeader.From.OrganId", Severity.ERROR));
        assertTrue(has(PackageValidator.forReceived().validate(pkg), "T.MessageHeader.From.OrganId", Severity.INFO));
    }

    @Test
    void secrecyMarkers() {
        assertTrue(SecrecyRule.marksStateSecret("Tối mật"));
        assertTrue(SecrecyRule.marksStateSecret("TUYỆT MẬT"));
        assertTrue(SecrecyRule.marksStateSecret("Mật"));
        assertTrue(SecrecyRule.marksStateSecret("bi mat nha nuoc"));
        assertFalse(SecrecyRule.marksStateSecret("Lưu hành nội bộ"));
        assertFalse(SecrecyRule.marksStateSecret("Liên thông văn bản quốc gia"));
        assertFalse(SecrecyRule.marksStateSecret("Matxcova"));
    }

    private static StatusPackage status(String code, String from, String to, String description) {
        StatusPackage s = SamplePackages.status(code);
        return new StatusPackage(Organization.of(from, "x"), new ResponseFor(to, s.responseFor().code(),
                s.responseFor().documentId(), s.responseFor().promulgationDate()), s.staffInfo(), code, description,
                s.timestamp());
    }

    @Test
    void whoMaySendWhichStatus() {
        String sender = SamplePackages.SENDER;
        String recipient = "000.00.00.H41";
        String docId = SamplePackages.status("01").responseFor().documentId();
        StatusContext none = new StatusContext(docId, sender, Set.of(recipient), Set.of());
        StatusContext takeBack = new StatusContext(docId, sender, Set.of(recipient), Set.of(ChangeRequest.TAKE_BACK));
        PackageValidator v = PackageValidator.forReceived();

        assertTrue(errors(v.validate(status("03", recipient, sender, "ok"), none)).isEmpty());
        assertTrue(has(v.validate(status("02", recipient, sender, null), none), "N.MessageHeader.Description",
                Severity.ERROR), "02 needs a reason");
        assertTrue(errors(v.validate(status("13", sender, recipient, "lấy lại"), none)).isEmpty());
        assertTrue(has(v.validate(status("13", recipient, sender, "x"), none), "M.MessageHeader.From.OrganId",
                Severity.ERROR), "13 only by the original sender");
        assertTrue(has(v.validate(status("05", sender, recipient, "x"), none), "M.MessageHeader.From.OrganId",
                Severity.ERROR), "progress only from a recipient");
        assertTrue(has(v.validate(status("15", recipient, sender, "đồng ý"), none), "M.MessageHeader.StatusCode",
                Severity.ERROR), "15 without an open request");
        assertTrue(errors(v.validate(status("16", recipient, sender, "từ chối"), takeBack)).isEmpty());
        assertTrue(has(v.validate(status("09", recipient, sender, "x")), "M.MessageHeader.StatusCode",
                Severity.WARNING), "unknown codes pass through with a warning");
        assertTrue(has(v.validate(status("1x", recipient, sender, "x")), "T.MessageHeader.StatusCode",
                Severity.ERROR));
    }
}
