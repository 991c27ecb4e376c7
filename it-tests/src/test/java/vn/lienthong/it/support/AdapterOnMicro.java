package vn.lienthong.it.support;

import java.io.File;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * Base of the black-box tests on Payara Micro: the real adapter WAR from the build, Micro's HTTPS key and the axis
 * simulator created first, and the demo client the adapter created, connected to the signed WS-Security port.
 * The suites shared with Payara Server ({@code vn.lienthong.it.suites}) use {@link OnPayaraMicro},
 * {@link #war()} and {@link #target(URL)} instead.
 */
@OnPayaraMicro
@RunAsClient
public abstract class AdapterOnMicro {

    @ArquillianResource
    protected URL base;
    protected DemoClient demo;
    protected DocumentExchangePort service;

    @Deployment(testable = false)
    public static WebArchive adapter() {
        return war();
    }

    /** The WAR of this build, as Arquillian deploys it on a fresh Micro per test class. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    /** The WAR deployed on Micro at {@code base} (Arquillian's URL of the deployment). */
    public static AdapterTarget target(URL base) {
        return new AdapterTarget("Payara Micro", base, AxisSimulatorExtension.dataDir());
    }

    @BeforeEach
    void connectAsDemoClient() throws Exception {
        AdapterReadiness.await(base, java.time.Duration.ofSeconds(120)); // /health/ready, not a WSDL probe
        demo = DemoClient.fromDataDir(AxisSimulatorExtension.dataDir());
        service = ExchangeClients.secured(new URL(base, "services/DocumentExchange"), demo, demo.password());
    }
}
