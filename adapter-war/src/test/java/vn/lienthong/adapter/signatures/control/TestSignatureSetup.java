package vn.lienthong.adapter.signatures.control;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.docsig.TestCa;
import vn.lienthong.edxml.pki.DemoPki;

/**
 * The signature capability outside the container: settings from a map, a trust folder with a test CA's certificate
 * (and its CRL when asked), a recording audit log, and the beans wired by hand.
 */
final class TestSignatureSetup {

    final Map<String, String> config = new HashMap<>();
    final List<String> audited = new ArrayList<>();
    final TestCa ca = new TestCa("Test CA chuyen dung");
    final Path dataDir;

    TestSignatureSetup(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        Path trust = dataDir.resolve("trust");
        Files.createDirectories(trust);
        DemoPki.writePem(ca.certificate, trust.resolve("test-ca.pem"));
        config.put("adapter.data.dir", dataDir.toString());
        config.put("adapter.demo.enabled", "false");
        config.put("adapter.signatures.trust-anchors", trust.toString());
        config.put("adapter.signatures.crls", trust.toString());
    }

    /** Writes the CA's current CRL (revoking nothing) into the trust folder: signatures then verify VALID. */
    TestSignatureSetup withCrl() throws Exception {
        Files.write(dataDir.resolve("trust").resolve("test-ca.crl"), ca.crl(java.time.Instant.now()).getEncoded());
        return this;
    }

    AdapterSettings settings() {
        return AdapterSettings.from(config(config));
    }

    DocumentVerification verification() {
        TrustMaterial trust = new TrustMaterial();
        trust.settings = settings();
        DocumentVerification v = new DocumentVerification();
        v.trust = trust;
        v.settings = trust.settings;
        return v;
    }

    SigningPolicy policy() {
        SigningPolicy p = new SigningPolicy();
        p.settings = settings();
        p.verification = verification();
        return p;
    }

    AuditLog audit() {
        return new AuditLog() {
            @Override
            public void record(String actor, String action, String organId, String outcome, String code,
                    String detail) {
                audited.add(action + " " + organId + " " + outcome + " " + code + " " + detail);
            }
        };
    }

    static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]))
                            .map(v -> convert(v, (Class<?>) args[1]));
                    case "getPropertyNames" -> List.copyOf(values.keySet());
                    default -> null;
                });
    }

    private static Object convert(String v, Class<?> type) {
        if (type == Boolean.class) {
            return Boolean.valueOf(v);
        }
        if (type == Long.class) {
            return Long.valueOf(v);
        }
        if (type == Integer.class) {
            return Integer.valueOf(v);
        }
        return v;
    }
}
