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
import vn.lienthong.it.support.TlsKeyStoreExtension;

/**
 * Interoperability with a client we did not write: Python zeep with xmlsec (Debian python3-zeep,
 * python3-xmlsec; installed by .ci/run) calls the WS-Security service with both profiles — the UsernameToken
 * profile over HTTPS, trusting the demo CA — and loads each WSDL URL on its own.
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
        URL signed = new URL(base, "services/DocumentExchange");
        List<String> submitted = zeep("signed", signed, demo.username(), demo.password(), "submit",
                demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number);
        String documentId = demo.organId() + ",2026/11/23," + number + "/VPCP-ZEEP";
        assertEquals(documentId + " QUEUED", submitted.get(0));
        List<String> status = zeep("signed", signed, demo.username(), demo.password(), "status",
                demo.organId(), documentId);
        assertTrue(status.get(0).matches("(QUEUED|SENT) \\d+"), status.toString());
    }

    @Test
    void zeepSubmitsWithTheUsernameTokenProfile() throws Exception {
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        List<String> submitted = zeep("tls", https("DocumentExchangeTls"), demo.tlsUsername(), demo.tlsPassword(),
                "submit", demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number);
        assertTrue(submitted.get(0).endsWith(" QUEUED"), submitted.toString());
    }

    @Test
    void zeepLoadsEachWsdlAndCallsThePortItLists() throws Exception {
        // No endpoint given: zeep binds the first port of the WSDL at the address the WSDL names.
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        List<String> signed = zeepWithWsdlAddress("signed", https("DocumentExchange"), demo.username(),
                demo.password(), "submit", demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number);
        assertTrue(signed.get(0).endsWith(" QUEUED"), signed.toString());
        String other = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        List<String> tls = zeepWithWsdlAddress("tls", https("DocumentExchangeTls"), demo.tlsUsername(),
                demo.tlsPassword(), "submit", demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, other);
        assertTrue(tls.get(0).endsWith(" QUEUED"), tls.toString());
        List<String> plainSigned = zeepWithWsdlAddress("signed", new URL(base, "services/DocumentExchange"),
                demo.username(), demo.password(), "status", demo.organId(), signed.get(0).split(" ")[0]);
        assertTrue(plainSigned.get(0).matches("(QUEUED|SENT) \\d+"), plainSigned.toString());
    }

    @Test
    void zeepOverPlainHttpIsRefusedOnTheUsernameTokenProfile() throws Exception {
        List<String> refused = zeep("tls", new URL(base, "services/DocumentExchangeTls"), demo.tlsUsername(),
                demo.tlsPassword(), "status", demo.organId(), "x");
        assertEquals("FAULT AUTH.TLS_REQUIRED", refused.get(0));
    }

    @Test
    void zeepWithAWrongPasswordOrWithoutSignatureIsRefused() throws Exception {
        List<String> wrong = zeep("tls", https("DocumentExchangeTls"), demo.tlsUsername(), demo.tlsPassword() + "x",
                "status", demo.organId(), "x");
        assertTrue(wrong.get(0).startsWith("FAULT"), wrong.toString());
        // The certificate-bound login cannot be used without its signature.
        List<String> unsigned = zeep("tls", https("DocumentExchangeTls"), demo.username(), demo.password(), "status",
                demo.organId(), "x");
        assertEquals("FAULT AUTH.CERTIFICATE", unsigned.get(0));
    }

    private URL https(String service) throws Exception {
        return TlsKeyStoreExtension.https(base, "services/" + service);
    }

    private List<String> zeep(String profile, URL endpoint, String user, String password, String... command)
            throws IOException, InterruptedException {
        return runZeep(profile, endpoint, endpoint.toString(), user, password, command);
    }

    /** zeep with the WSDL of {@code endpoint} and no address of its own: it calls what the WSDL lists. */
    private List<String> zeepWithWsdlAddress(String profile, URL endpoint, String user, String password,
            String... command) throws IOException, InterruptedException {
        return runZeep(profile, endpoint, "-", user, password, command);
    }

    private List<String> runZeep(String profile, URL endpoint, String address, String user, String password,
            String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ExternalTool.python(), Path.of("src/test/python/zeep_client.py").toString(),
                profile, endpoint + "?wsdl", address, user, password,
                pem.resolve("client-key.pem").toString(), pem.resolve("client-cert.pem").toString(),
                pem.resolve("adapter-cert.pem").toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        // HTTPS: zeep (requests) trusts the demo CA that issued Micro's TLS certificate, and nothing else.
        builder.environment().put("REQUESTS_CA_BUNDLE", TlsKeyStoreExtension.caPem().toString());
        Process p = builder.start();
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
