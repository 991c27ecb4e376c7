package vn.lienthong.adapter.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.LegalValue;
import vn.lienthong.docsig.SignatureStatus;
import vn.lienthong.docsig.demo.DemoSignedPdf;
import vn.lienthong.edxml.pki.DemoKeyFolder;

/**
 * The demo as run.sh sets it up: the demo key folder (demo CA, demo document signer, the CA's CRL), the signed
 * letter of the launcher's key step, and the adapter's default trust material in demo mode — the letter verifies
 * VALID with legal value established, signed by the demo signer; with demo mode off (no anchors) it is UNTRUSTED.
 */
class DemoLetterTest {

    @TempDir
    Path data;

    @Test
    void theDemoLetterIsValidUnderTheDemoDefaultsAndUntrustedWithoutThem() throws Exception {
        Path keys = data.resolve("keys");
        DemoKeyFolder folder = new DemoKeyFolder(keys, DemoKeyFolder.password(keys));
        folder.create(); // demo-ca.pem, demo-ca.crl, demo-signer.p12, … as on the first start
        DemoSignedPdf.write(keys, data.resolve("demo-signed.pdf"));

        DocumentReport demo = verification(Map.of("adapter.data.dir", data.toString()))
                .report(data.resolve("demo-signed.pdf"), "demo-signed.pdf");
        assertEquals(SignatureStatus.VALID, demo.overallStatus(), demo.toString());
        assertEquals(LegalValue.ESTABLISHED, demo.verdict().value());
        assertEquals("Nguyen Van Demo", demo.signatures().get(0).signerName());
        assertEquals(DemoKeyFolder.DOCUMENT_SIGNER_ORGANISATION, demo.signatures().get(0).signerOrganisation());

        DocumentReport production = verification(Map.of("adapter.data.dir", data.toString(),
                "adapter.demo.enabled", "false")).report(data.resolve("demo-signed.pdf"), "demo-signed.pdf");
        assertEquals(SignatureStatus.UNTRUSTED, production.overallStatus());
    }

    private static DocumentVerification verification(Map<String, String> config) {
        TrustMaterial trust = new TrustMaterial();
        trust.settings = AdapterSettings.from(TestSignatureSetup.config(config));
        DocumentVerification v = new DocumentVerification();
        v.trust = trust;
        v.settings = trust.settings;
        return v;
    }
}
