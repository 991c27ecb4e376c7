package vn.lienthong.adapter.soap;

import java.util.logging.Logger;

import javax.xml.namespace.QName;

import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transport.servlet.ServletController;
import org.apache.cxf.transport.servlet.servicelist.ServiceListGeneratorServlet;
import org.apache.cxf.ws.policy.PolicyEngine;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.directory.control.Directory;
import vn.lienthong.adapter.reception.boundary.IncomingOperations;
import vn.lienthong.adapter.reception.control.Inbox;
import vn.lienthong.adapter.reception.control.StatusReporting;
import vn.lienthong.adapter.exchange.boundary.DocumentExchangeEndpoint;
import vn.lienthong.adapter.recall.control.RecallService;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.legacy.boundary.EdocEndpoint;
import vn.lienthong.adapter.legacy.boundary.TokenAdminEndpoint;
import vn.lienthong.adapter.web.ErrorReply;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.security.control.ReplayGuard;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * Publishes every SOAP endpoint through Apache CXF, without Spring and without JAX-WS annotations on
 * implementation classes — so the server's own JAX-WS runtime (Metro on Payara Server) never deploys an
 * unsecured copy of them. Mapped to {@code /services/*} in web.xml.
 */
public class AdapterCxfServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AdapterCxfServlet.class.getName());
    private static final String NS = "urn:lienthong:exchange:1";

    @Inject
    transient AdapterSettings settings;
    @Inject
    transient KeyMaterial keys;
    @Inject
    transient CredentialStore credentials;
    @Inject
    transient LoginThrottle throttle;
    @Inject
    transient ReplayGuard replays;
    @Inject
    transient SubmissionService submissions;
    @Inject
    transient DocumentQuery documents;
    @Inject
    transient SignatureRecords signatures; // issue 14: verdicts in GetDocumentStatus, GetIncomingDocument, history
    @Inject
    transient AuditLog audit;
    @Inject
    transient Inbox inbox;
    @Inject
    transient StatusReporting statuses;
    @Inject
    transient Directory directory;
    @Inject
    transient RecallService recalls;

    @Inject
    transient EdocEndpoint edoc;
    @Inject
    transient TokenAdminEndpoint edocAdmin;

    /**
     * The old e-doc.vn protocol is served below CXF/JAX-WS (SOAPAction-only dispatch, streamed SwA parts, bounded
     * before parsing): {@code /services/EdocService} and its token administration {@code /services/EdocAdmin/*}.
     */
    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (path.equals("/EdocService")) {
                edoc.handle(request, response);
                return;
            }
            if (path.startsWith("/EdocAdmin/")) {
                edocAdmin.handle(request, response);
                return;
            }
        } catch (java.io.IOException e) {
            throw new ServletException(e);
        }
        super.invoke(request, response);
    }

    /** CXF answers an unknown address below /services/ with its own HTML page; ours is the face's fault. */
    @Override
    protected ServletController createServletController(ServletConfig servletConfig) {
        // The same registry CXFNonSpringServlet.init looked up (the bus's HTTP transport), as in its own version.
        DestinationRegistry registry = getDestinationRegistryFromBusOrDefault(
                servletConfig.getInitParameter("transportId"));
        return new ServletController(registry, servletConfig, new ServiceListGeneratorServlet(registry, getBus())) {
            @Override
            protected void generateNotFound(HttpServletRequest request, HttpServletResponse response)
                    throws java.io.IOException {
                ErrorReply.write(request, response, HttpServletResponse.SC_NOT_FOUND, "SYS.NOT_FOUND", null,
                        "There is nothing at this address");
            }
        };
    }

    private JaxWsServerFactoryBean exchangeFactory(Bus bus, DocumentExchangeEndpoint bean, String address,
            String port, TransportSecurity transport) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(DocumentExchangePort.class);
        factory.setServiceBean(bean);
        factory.setWsdlLocation("classpath:wsdl/DocumentExchange.wsdl");
        factory.setServiceName(new QName(NS, "DocumentExchangeService"));
        factory.setEndpointName(new QName(NS, port));
        factory.setAddress(address);
        // Accept MTOM/XOP requests (attachments as binary MIME parts, spooled to disk as they arrive); WSS4J
        // verifies the signature over the Body as sent, XOP not expanded (WsSecurityProfile.noXopExpansion).
        // Answers are MTOM only when the request was (InlineResponses); their signature then covers the Body with
        // its xop:Include references and each part's sha256, XOP not expanded (WsSecurityProfile.responseSigner).
        factory.getProperties(true).put("mtom-enabled", Boolean.TRUE);
        factory.getProperties().putAll(XmlLimits.endpointProperties(settings));
        factory.getInInterceptors().add(new StrictEnvelopeInterceptor()); // signature wrapping, as CXF reads
        factory.getOutFaultInterceptors().add(new LimitFaults());
        factory.getOutInterceptors().add(InlineResponses.unlessRequestedAsMtom());
        // ?wsdl lists this endpoint's port only, at the absolute address the client used.
        factory.getProperties().put(WSDLGetUtils.class.getName(), new OwnPortWsdl(transport));
        factory.getOutFaultInterceptors().add(InlineResponses.always()); // faults: one plain SOAP part
        return factory;
    }

    /** WS-Security refusals: audited, one log line, a clean fault with a stable code (see RefusalFaults). */
    private static void quietRefusals(JaxWsServerFactoryBean factory, RefusalFaults refusals) {
        factory.getOutFaultInterceptors().add(refusals);
        factory.getProperties(true).put(org.apache.cxf.logging.FaultListener.class.getName(), refusals);
    }

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        Bus bus = getBus();
        BusFactory.setDefaultBus(bus);
        // The WSDL carries WS-SecurityPolicy for clients; enforcement is the explicit WSS4J configuration of
        // WsSecurityProfile, which implements those same profiles. Without this, CXF would add its own
        // policy-driven interceptors from the WSDL and process every security header twice.
        PolicyEngine policies = bus.getExtension(PolicyEngine.class);
        if (policies != null) {
            policies.setEnabled(false);
        }
        WsSecurityProfile security = new WsSecurityProfile(
                new WsSecurityProfile.Dependencies(keys, credentials, throttle, replays, audit),
                settings.wsTimestampTtlSeconds(), settings.wsSha1Clients());
        RefusalFaults refusals = security.refusalFaults();

        DocumentExchangeEndpoint exchange = new DocumentExchangeEndpoint(submissions, documents, audit,
                new IncomingOperations(inbox, statuses, documents, directory, settings, signatures), recalls,
                signatures, CallerIdentityInterceptor::current, MtomAnswers::current);

        TransportSecurity transport = new TransportSecurity(settings.tlsTrustedProxyHeader());
        JaxWsServerFactoryBean signed = exchangeFactory(bus, exchange, "/DocumentExchange",
                "DocumentExchangePort", transport);
        signed.getInInterceptors().add(security.requestVerifier());
        signed.getInInterceptors().add(security.attachmentDigests()); // MTOM parts: sha256 in the signed Body
        signed.getInInterceptors().add(new CallerIdentityInterceptor());
        signed.getOutInterceptors().add(security.responseSigner());
        quietRefusals(signed, refusals);
        signed.create();

        // Same service for clients that cannot sign: UsernameToken + Timestamp, over HTTPS only (plain HTTP is
        // refused before the password is looked at).
        JaxWsServerFactoryBean tls = exchangeFactory(bus, exchange, "/DocumentExchangeTls",
                "DocumentExchangeTlsPort", transport);
        tls.getInInterceptors().add(new TlsRequiredInterceptor(transport, audit));
        tls.getInInterceptors().add(security.usernameTokenVerifier());
        tls.getInInterceptors().add(new CallerIdentityInterceptor());
        tls.getOutInterceptors().add(security.responseTimestamp());
        quietRefusals(tls, refusals);
        tls.create();
        LOG.info("CXF endpoints published: /services/DocumentExchange (UsernameToken, Timestamp, X.509 signature),"
                + " /services/DocumentExchangeTls (UsernameToken, Timestamp; HTTPS only)");
    }
}
