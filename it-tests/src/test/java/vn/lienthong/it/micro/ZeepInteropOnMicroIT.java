package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.testsupport.ExternalTool;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Pem;

/**
 * Interoperability with a client we did not write: Python zeep with xmlsec (Debian python3-zeep,
 * python3-xmlsec; installed by .ci/run) calls the WS-Security service with both profiles.
 */
class ZeepInteropOnMicroIT extends AdapterOnMicro {

    @TempDir
    Path pem;

    @BeforeEach
    void exportKeys() throws Exception {
        // Missing zeep/xmlsec: skipped on a developer machine, a failure under CI=true.
        ExternalTool.PYTHON_ZEEP.require();
        KeyStore client = demo.loadClientKeyStore();
        Pem.writeKey(client, demo.clientAlias(), demo.keyStorePassword(), pem.resolve("client-key.pem"));
        Pem.writeCertificate(client, demo.clientAlias(), pem.resolve("client-cert.pem"));
        KeyStore adapter = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(AxisSimulatorExtension.dataDir().resolve("keys/adapter.p12"))) {
            adapter.load(in, demo.keyStorePassword());
        }
        Pem.writeCertificate(adapter, "adapter", pem.resolve("adapter-cert.pem"));
    }

    @Test
    void zeepSubmitsAndQueriesWithTheSignedProfile() throws Exception {
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        List<String> submitted = zeep("signed", "DocumentExchange", demo.username(), demo.password(), "submit",
                demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number);
        String documentId = demo.organId() + ",2026/11/23," + number + "/VPCP-ZEEP";
        assertEquals(documentId + " QUEUED", submitted.get(0));
        List<String> status = zeep("signed", "DocumentExchange", demo.username(), demo.password(), "status",
                demo.organId(), documentId);
        assertTrue(status.get(0).matches("(QUEUED|SENT) \\d+"), status.toString());
    }

    @Test
    void zeepSubmitsWithTheUsernameTokenProfile() throws Exception {
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        List<String> submitted = zeep("tls", "DocumentExchangeTls", demo.tlsUsername(), demo.tlsPassword(),
                "submit", demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number);
        assertTrue(submitted.get(0).endsWith(" QUEUED"), submitted.toString());
    }

    @Test
    void zeepWithAWrongPasswordOrWithoutSignatureIsRefused() throws Exception {
        List<String> wrong = zeep("tls", "DocumentExchangeTls", demo.tlsUsername(), demo.tlsPassword() + "x",
                "status", demo.organId(), "x");
        assertTrue(wrong.get(0).startsWith("FAULT"), wrong.toString());
        // The certificate-bound login cannot be used without its signature.
        List<String> unsigned = zeep("tls", "DocumentExchangeTls", demo.username(), demo.password(), "status",
                demo.organId(), "x");
        assertEquals("FAULT AUTH.CERTIFICATE", unsigned.get(0));
    }

    private List<String> zeep(String profile, String service, String user, String password, String... command)
            throws IOException, InterruptedException {
        URL endpoint = new URL(base, "services/" + service);
        List<String> cmd = new ArrayList<>(List.of(ExternalTool.python(), Path.of("src/test/python/zeep_client.py").toString(),
                profile, endpoint + "?wsdl", endpoint.toString(), user, password,
                pem.resolve("client-key.pem").toString(), pem.resolve("client-cert.pem").toString(),
                pem.resolve("adapter-cert.pem").toString()));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("zeep did not finish in 120 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(p.exitValue() == 0 || p.exitValue() == 3, "zeep failed (" + p.exitValue() + "):\n" + out);
        return List.of(lines.get(lines.size() - 1));
    }
}
