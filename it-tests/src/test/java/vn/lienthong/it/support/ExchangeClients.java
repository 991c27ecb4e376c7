package vn.lienthong.it.support;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/** CXF clients of the secured service generated from our WSDL, configured as an upgraded product would. */
public final class ExchangeClients {

    /** Content type of the last answer a signed client of this class received (to prove an answer was MTOM). */
    public static final java.util.concurrent.atomic.AtomicReference<String> LAST_ANSWER_CONTENT_TYPE =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Content type of the last request a client of this class sent (to prove MTOM really was used). */
    public static final java.util.concurrent.atomic.AtomicReference<String> LAST_CONTENT_TYPE =
            new java.util.concurrent.atomic.AtomicReference<>();

    private ExchangeClients() {
    }

    /** UsernameToken + Timestamp + X.509 signature on the request; the response's signature is verified. */
    public static DocumentExchangePort secured(URL endpoint, DemoClient demo, String password) {
        return secured(endpoint, demo, password, false);
    }

    /** As {@link #secured(URL, DemoClient, String)}, optionally sending attachments with MTOM/XOP. */
    public static DocumentExchangePort secured(URL endpoint, DemoClient demo, String password, boolean mtom) {
        DocumentExchangePort port = plain(endpoint, mtom);
        Client client = ClientProxy.getClient(port);

        Map<String, Object> out = new HashMap<>();
        out.put(ConfigurationConstants.ACTION, "UsernameToken Timestamp Signature");
        out.put(ConfigurationConstants.USER, demo.username());
        out.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        out.put(ConfigurationConstants.SIGNATURE_USER, demo.clientAlias());
        out.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        out.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSConstants.WSU_NS + "}Timestamp;"
                + "{Element}{" + WSConstants.URI_SOAP11_ENV + "}Body");
        out.put(ConfigurationConstants.SIG_ALGO, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        out.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        // The adapter verifies the Body as sent (xop:Include + the part's sha256), never XOP expanded
        // (docs/large-attachments.md); CXF expands by default when MTOM is on.
        out.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "false");
        Merlin clientCrypto = new Merlin();
        clientCrypto.setKeyStore(demo.loadClientKeyStore());
        out.put(ConfigurationConstants.SIG_PROP_REF_ID, "clientCrypto");
        out.put("clientCrypto", clientCrypto);
        out.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                WSPasswordCallback pc = (WSPasswordCallback) c;
                pc.setPassword(pc.getUsage() == WSPasswordCallback.USERNAME_TOKEN
                        ? password : new String(demo.keyStorePassword()));
            }
        });
        client.getOutInterceptors().add(new WSS4JOutInterceptor(out));
        client.getOutInterceptors().add(new org.apache.cxf.phase.AbstractPhaseInterceptor<org.apache.cxf.message.Message>(
                org.apache.cxf.phase.Phase.WRITE_ENDING) {
            @Override
            public void handleMessage(org.apache.cxf.message.Message message) {
                LAST_CONTENT_TYPE.set(String.valueOf(message.get(org.apache.cxf.message.Message.CONTENT_TYPE)));
            }
        });

        Map<String, Object> in = new HashMap<>();
        in.put(ConfigurationConstants.ACTION, "Timestamp Signature");
        Merlin trust = new Merlin();
        trust.setTrustStore(demo.loadTrustStore());
        in.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "trustCrypto");
        in.put("trustCrypto", trust);
        // An MTOM answer is signed over its Body with xop:Include and each part's sha256 (docs/large-attachments.md):
        // verified as sent, never XOP expanded (CXF's default with MTOM); the client checks each part's sha256.
        in.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "false");
        client.getInInterceptors().add(new WSS4JInInterceptor(in));
        client.getInInterceptors().add(new org.apache.cxf.phase.AbstractPhaseInterceptor<org.apache.cxf.message.Message>(
                org.apache.cxf.phase.Phase.RECEIVE) {
            @Override
            public void handleMessage(org.apache.cxf.message.Message message) {
                LAST_ANSWER_CONTENT_TYPE.set(String.valueOf(message.get(org.apache.cxf.message.Message.CONTENT_TYPE)));
            }
        });
        return port;
    }

    /**
     * The UsernameToken profile: UsernameToken (text password) + Timestamp, no signature; over HTTPS the client
     * trusts only the demo CA of the test TLS key ({@link TlsKeyStoreExtension}).
     */
    public static DocumentExchangePort usernameToken(URL endpoint, String user, String password) throws Exception {
        DocumentExchangePort port = plain(endpoint, false);
        Client client = ClientProxy.getClient(port);
        Map<String, Object> out = new HashMap<>();
        out.put(ConfigurationConstants.ACTION, "UsernameToken Timestamp");
        // The adapter records Nonce + Created of every UsernameToken once (replay) and refuses tokens without them.
        out.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
        out.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
        out.put(ConfigurationConstants.USER, user);
        out.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        out.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                ((WSPasswordCallback) c).setPassword(password);
            }
        });
        client.getOutInterceptors().add(new WSS4JOutInterceptor(out));
        client.getInInterceptors().add(new WSS4JInInterceptor(Map.of(ConfigurationConstants.ACTION, "Timestamp")));
        if ("https".equals(endpoint.getProtocol())) {
            org.apache.cxf.configuration.jsse.TLSClientParameters tls =
                    new org.apache.cxf.configuration.jsse.TLSClientParameters();
            tls.setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
            ((org.apache.cxf.transport.http.HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        }
        return port;
    }

    /** No WS-Security at all. */
    public static DocumentExchangePort plain(URL endpoint) {
        return plain(endpoint, false);
    }

    private static DocumentExchangePort plain(URL endpoint, boolean mtom) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DocumentExchangePort.class);
        factory.setAddress(endpoint.toString());
        if (mtom) {
            factory.setProperties(new HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        }
        return factory.create(DocumentExchangePort.class);
    }
}
