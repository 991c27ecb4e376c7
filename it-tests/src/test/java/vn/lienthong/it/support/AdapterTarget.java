package vn.lienthong.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * The deployed adapter a black-box suite talks to, whichever runtime holds it: the WAR on Payara Micro
 * ({@link AdapterOnMicro#target}) or the EAR on Payara Server ({@link PayaraServerDeployment#target}). The suite
 * bodies in {@code vn.lienthong.it.suites} reach the adapter only through this, so one body runs on both.
 *
 * <p>What differs between the runtimes stays behind it: Micro listens on a random port and each test class gets a
 * fresh Micro and data folder; the Server listens on 8080 under {@code /lienthong/} and one deployment serves every
 * server suite. The database is the same on both: the H2 file in the data folder, opened with {@code AUTO_SERVER}
 * (Micro: {@code arquillian.xml}; Server: {@code ADAPTER_DB_URL} in {@code it-tests/pom.xml}).
 *
 * @param runtime for messages only ("Payara Micro", "Payara Server")
 * @param base    the application's root URL, ending in {@code /}
 * @param dataDir the adapter's data folder, as an operator finds it (demo credentials, admin token, demo CA)
 */
public record AdapterTarget(String runtime, URL base, Path dataDir) {

    /** A URL of the application, {@code path} relative to its root ({@code services/EdocService}). */
    public URL url(String path) {
        try {
            return new URL(base, path);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** The demo client the adapter created on its first start. */
    public DemoClient demo() {
        return DemoClient.fromDataDir(dataDir);
    }

    /** The generated client of the signed WS-Security profile, as the demo client. */
    public DocumentExchangePort securedService() {
        DemoClient demo = demo();
        return ExchangeClients.secured(url("services/DocumentExchange"), demo, demo.password());
    }

    /** The bearer token of the admin REST interface, written by the adapter into its data folder. */
    public String adminToken() {
        try {
            return Files.readString(dataDir.resolve("admin-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo CA that issued the adapter's signing key (PEM). */
    public Path demoCa() {
        return dataDir.resolve("keys/demo-ca.pem");
    }

    public AdapterDatabase database() {
        return new AdapterDatabase(dataDir);
    }

    /** The counterpart agency's own system on the axis simulator the adapter is connected to. */
    public CounterpartSystem counterpart() {
        return new CounterpartSystem();
    }

    @Override
    public String toString() {
        return runtime + " " + base;
    }
}
