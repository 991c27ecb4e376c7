package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.archive.ArchiveVerifier;
import vn.lienthong.it.support.AdapterDatabase;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AdapterReadiness;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.OnPayaraMicro;

/**
 * The retention job in the real container (container transactions, the adapter's own key, the admin face): with
 * {@code adapter.retention.months=1}, {@code POST /admin/retention} archives a finished document from 2024 into a
 * signed archive that verifies against the demo CA, removes its rows and package file, leaves a queued one of the
 * same month, audits the batch, and the audit chain verifies afterwards.
 */
@OnPayaraMicro
@RunAsClient
class RetentionOnMicroIT {

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The WAR of the build plus one configuration source (a library jar) switching retention on for this class. */
    @Deployment(testable = false)
    static WebArchive adapter() {
        return AdapterOnMicro.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "retention-it-config.jar")
                .addAsManifestResource(new StringAsset("adapter.retention.months=1\n"),
                        "microprofile-config.properties"));
    }

    @Test
    void aFinishedOldDocumentIsArchivedVerifiedAndRemovedAndTheChainStillVerifies() throws Exception {
        AdapterReadiness.await(base, Duration.ofSeconds(120));
        Path data = AxisSimulatorExtension.dataDir();
        AdapterDatabase db = new AdapterDatabase(data);
        OffsetDateTime old = OffsetDateTime.parse("2024-01-10T09:00:00+07:00");
        String finished = oldDocument(db, data, "SENT", old);
        String queued = oldDocument(db, data, "QUEUED", old.plusDays(1));
        String token = Files.readString(data.resolve("admin-token")).trim();

        HttpResponse<String> list = call("GET", "admin/retention", token);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"enabled\":true") && list.body().contains("\"months\":1"), list.body());

        HttpResponse<String> run = call("POST", "admin/retention", token);
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("\"outcome\":\"DONE\""), run.body());
        assertTrue(run.body().contains("\"period\":\"2024-01\""), run.body());
        Matcher file = Pattern.compile("\"file\":\"(lienthong-archive-2024-01-[^\"]+\\.zip)\"").matcher(run.body());
        assertTrue(file.find(), run.body());

        Path archive = data.resolve("archives").resolve(file.group(1));
        X509Certificate ca;
        try (var in = Files.newInputStream(data.resolve("keys/demo-ca.pem"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        ArchiveVerifier.Verification v = new ArchiveVerifier(List.of(ca)).verify(archive);
        assertTrue(v.intact(), v.problems().toString());
        assertEquals("2024-01", v.period());

        assertEquals(0, db.count("SELECT COUNT(*) FROM document WHERE id = ?", finished));
        assertEquals(0, db.count("SELECT COUNT(*) FROM status_event WHERE document_ref = ?", finished));
        assertFalse(Files.exists(data.resolve("packages/" + finished + ".edxml")), "package file removed");
        assertEquals(1, db.count("SELECT COUNT(*) FROM document WHERE id = ?", queued), "queued: kept");
        assertTrue(Files.exists(data.resolve("packages/" + queued + ".edxml")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM retention_archive WHERE state = 'ARCHIVED' AND file_name = ?",
                file.group(1)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION' AND detail LIKE ?",
                "%" + file.group(1) + "%"));

        HttpResponse<String> verify = call("GET", "admin/audit/verify", token);
        assertEquals(200, verify.statusCode(), verify.body());
        assertTrue(verify.body().contains("\"intact\":true"), verify.body());
        HttpResponse<String> listed = call("GET", "admin/retention", token);
        assertTrue(listed.body().contains(file.group(1)) && listed.body().contains("\"state\":\"ARCHIVED\""),
                listed.body());
    }

    /** A document as an older adapter left it: rows straight into the store, its package file in the data folder. */
    private static String oldDocument(AdapterDatabase db, Path data, String state, OffsetDateTime at)
            throws Exception {
        String id = UUID.randomUUID().toString();
        Path pkg = data.resolve("packages/" + id + ".edxml");
        Files.createDirectories(pkg.getParent());
        Files.writeString(pkg, "<edXML old='" + id + "'/>");
        db.update("INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type, state,"
                + " attempts, created_at, updated_at, version, dedup_key, package_path) VALUES (?, 'OUT', ?,"
                + " '000.00.00.G22', 0, 0, ?, 1, ?, ?, 1, ?, ?)", id, "9/" + id.substring(0, 6), state, at, at,
                "OUT|EDOC|" + id, "packages/" + id + ".edxml");
        if ("QUEUED".equals(state)) { // queued, but not due: the outbox leaves it alone during the test
            db.update("UPDATE document SET next_attempt_at = ?, queued_at = ? WHERE id = ?",
                    OffsetDateTime.parse("2099-01-01T00:00:00+07:00"), at, id);
        }
        db.update("INSERT INTO status_event (id, document_ref, organ_id, status_code, occurred_at, recorded_at)"
                + " VALUES (?, ?, '000.00.00.H41', '03', ?, ?)", UUID.randomUUID().toString(), id, at, at);
        return id;
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        URI uri = new URL(base, path).toURI();
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
