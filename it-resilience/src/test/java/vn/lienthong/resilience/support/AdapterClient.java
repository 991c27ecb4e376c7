package vn.lienthong.resilience.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * A WS-Security client of the adapter acting as its demo client, from the {@code demo-credentials.properties}
 * the adapter wrote on first start: UsernameToken + Timestamp + X.509 signature, response signature verified.
 * CXF proxies are not shared between threads: each caller creates its own.
 */
public final class AdapterClient {

    private final Properties demo = new Properties();
    private final Path dataDir;
    private final char[] keyStorePassword;

    public AdapterClient(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (InputStream in = Files.newInputStream(dataDir.resolve("demo-credentials.properties"))) {
            demo.load(in);
        }
        keyStorePassword = Files.readString(Path.of(demo.getProperty("keyStorePasswordFile"))).trim().toCharArray();
    }

    public String organId() {
        return demo.getProperty("organId");
    }

    public DocumentExchangePort port(URL endpoint) {
        return port(endpoint, false, 30_000); // bounded: a killed server must not hang the streaming thread
    }

    /**
     * {@code mtom}: attachments travel as MTOM/XOP parts, streamed from their DataHandler; the signature covers the
     * Body as sent (XOP not expanded, each part's sha256 in the Body), as the adapter verifies it.
     */
    public DocumentExchangePort port(URL endpoint, boolean mtom, long receiveTimeoutMillis) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DocumentExchangePort.class);
        factory.setAddress(endpoint.toString());
        if (mtom) {
            factory.setProperties(new HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        }
        DocumentExchangePort port = factory.create(DocumentExchangePort.class);
        Client client = ClientProxy.getClient(port);

        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(3_000);
        policy.setReceiveTimeout(receiveTimeoutMillis);
        ((HTTPConduit) client.getConduit()).setClient(policy);

        Map<String, Object> out = new HashMap<>();
        out.put(ConfigurationConstants.ACTION, "UsernameToken Timestamp Signature");
        out.put(ConfigurationConstants.USER, demo.getProperty("username"));
        out.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        out.put(ConfigurationConstants.SIGNATURE_USER, demo.getProperty("clientKeyAlias"));
        out.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        out.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSConstants.WSU_NS + "}Timestamp;"
                + "{Element}{" + WSConstants.URI_SOAP11_ENV + "}Body");
        out.put(ConfigurationConstants.SIG_ALGO, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        out.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        out.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "false");
        Merlin clientCrypto = new Merlin();
        clientCrypto.setKeyStore(load(Path.of(demo.getProperty("clientKeyStore"))));
        out.put(ConfigurationConstants.SIG_PROP_REF_ID, "clientCrypto");
        out.put("clientCrypto", clientCrypto);
        String password = demo.getProperty("password");
        out.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                WSPasswordCallback pc = (WSPasswordCallback) c;
                pc.setPassword(pc.getUsage() == WSPasswordCallback.USERNAME_TOKEN
                        ? password : new String(keyStorePassword));
            }
        });
        client.getOutInterceptors().add(new WSS4JOutInterceptor(out));

        Map<String, Object> in = new HashMap<>();
        in.put(ConfigurationConstants.ACTION, "Timestamp Signature");
        Merlin trust = new Merlin();
        trust.setTrustStore(load(dataDir.resolve("keys").resolve("truststore.p12")));
        in.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "trustCrypto");
        in.put("trustCrypto", trust);
        // An MTOM answer is signed over its Body with xop:Include and each part's sha256, XOP not expanded
        // (docs/large-attachments.md): verified as sent; the caller checks each part (itsupport.SignedPart).
        in.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "false");
        client.getInInterceptors().add(new WSS4JInInterceptor(in));
        return port;
    }

    private KeyStore load(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, keyStorePassword);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + p12, e);
        }
    }
}
