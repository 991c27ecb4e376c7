package vn.lienthong.it.suites;

import org.junit.jupiter.api.BeforeEach;

import vn.lienthong.it.support.AdapterTarget;
import vn.lienthong.it.support.DemoClient;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * Base of the black-box suites that run unchanged on both runtimes (as quarkus-cxf runs one test body in JVM and
 * native mode): a thin subclass per runtime ({@code micro/…OnMicroIT}, {@code server/…OnServerIT}) says where the
 * adapter is; the body talks to it only through {@link AdapterTarget}, as the demo client an operator would use.
 */
public abstract class AdapterSuite {

    /** The adapter under test. */
    protected AdapterTarget adapter;
    protected DemoClient demo;
    /** The signed WS-Security profile, as the demo client. */
    protected DocumentExchangePort service;

    /** Where the adapter under test runs: given by the runtime's thin subclass. */
    protected abstract AdapterTarget target();

    @BeforeEach
    void connectAsDemoClient() {
        adapter = target();
        demo = adapter.demo();
        service = adapter.securedService();
    }
}
