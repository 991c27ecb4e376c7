package vn.lienthong.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.DemoClient;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.ExchangeClients;
import vn.lienthong.it.support.RawSecuredRequest;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetDocumentStatusResponse;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * The real EAR on a full Payara Server (unpacked from Maven Central), where Metro is present: CXF must answer,
 * WS-Security must hold, and no unsecured Metro copy of the endpoint may exist.
 */
@ExtendWith(AxisSimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarOnPayaraServerIT {

    private static final String BASE = "http://localhost:8080/lienthong/";

    @Deployment(testable = false)
    static EnterpriseArchive adapter() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private URL endpoint;
    private DemoClient demo;
    private DocumentExchangePort secured;

    @BeforeEach
    void connect() throws Exception {
        endpoint = new URL(BASE + "services/DocumentExchange");
        demo = DemoClient.fromDataDir(AxisSimulatorExtension.dataDir());
        secured = ExchangeClients.secured(endpoint, demo, demo.password());
    }

    @Test
    void theSecuredEndpointInsideTheEarWorksEndToEnd() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        SubmitDocumentResponse accepted = secured.submitDocument(request);
        assertEquals("QUEUED", accepted.getState());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        GetDocumentStatusResponse status;
        do {
            GetDocumentStatus q = new GetDocumentStatus();
            q.setFromOrganId(demo.organId());
            q.setDocumentId(accepted.getDocumentId());
            status = secured.getDocumentStatus(q);
            if ("SENT".equals(status.getState())) {
                break;
            }
            Thread.sleep(200); // polling interval, bounded by the deadline
        } while (Instant.now().isBefore(deadline));
        assertEquals("SENT", status.getState(), "last error: " + status.getLastError());
    }

    @Test
    void unsignedAndWronglyAuthenticatedRequestsAreRefused() throws Exception {
        var unsigned = RawSecuredRequest.post(endpoint, "urn:lienthong:exchange:1:SubmitDocument",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + Documents.submitXml(demo.organId(), "000.00.00.H41", "4242", "Không ký")
                        + "</soap:Body></soap:Envelope>");
        assertEquals(500, unsigned.status());
        assertTrue(unsigned.body().contains("wsse:") || unsigned.body().contains("security"), unsigned.body());
        assertFalse(unsigned.body().contains("Exception"), unsigned.body());

        DocumentExchangePort wrong = ExchangeClients.secured(endpoint, demo, demo.password() + "-wrong");
        assertEquals("AUTH.PASSWORD", assertThrows(vn.lienthong.ws.exchange.v1.ExchangeFault.class,
                () -> wrong.submitDocument(Documents.newDocument(demo.organId(), "000.00.00.H41")))
                .getFaultInfo().getCode());
        ExchangeFault notStored = assertThrows(ExchangeFault.class, () -> {
            GetDocumentStatus q = new GetDocumentStatus();
            q.setFromOrganId(demo.organId());
            q.setDocumentId(demo.organId() + ",2026/11/23,4242/VPCP-TTĐT");
            secured.getDocumentStatus(q);
        });
        assertEquals("M.documentId", notStored.getFaultInfo().getCode());
    }

    @Test
    void cxfAnswersAndNoUnsecuredMetroEndpointExists() throws Exception {
        var wsdl = RawSecuredRequest.get(new URL(endpoint + "?wsdl"));
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.body().contains("DocumentExchangeService"));
        // Where Metro would publish an annotated implementation class (spec/platform-notes.md 4.2):
        for (String path : new String[] {"DocumentExchangeService", "DocumentExchangeService?wsdl",
                "DocumentExchangeEndpointService?wsdl", "ws/DocumentExchangeService"}) {
            assertEquals(404, RawSecuredRequest.get(new URL(BASE + path)).status(), path);
        }
        assertEquals(404, RawSecuredRequest.get(new URL("http://localhost:8080/__wstx-services")).status(),
                "Metro's system application is not loaded");
    }
}
