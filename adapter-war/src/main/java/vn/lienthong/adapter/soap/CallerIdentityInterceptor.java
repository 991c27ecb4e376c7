package vn.lienthong.adapter.soap;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * Turns what WSS4J verified into a {@link CallerIdentity} for the endpoints: the UsernameToken's user and the
 * signing certificate's subject. Endpoints never see WSS4J types.
 */
final class CallerIdentityInterceptor extends AbstractSoapInterceptor {

    CallerIdentityInterceptor() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        String user = null;
        String subject = null;
        @SuppressWarnings("unchecked")
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        if (results != null) {
            for (WSHandlerResult result : results) {
                for (WSSecurityEngineResult r : result.getResults()) {
                    Integer action = (Integer) r.get(WSSecurityEngineResult.TAG_ACTION);
                    if (action != null && action == WSConstants.UT) {
                        Principal p = (Principal) r.get(WSSecurityEngineResult.TAG_PRINCIPAL);
                        user = p == null ? null : p.getName();
                    } else if (action != null && action == WSConstants.SIGN) {
                        X509Certificate cert = (X509Certificate) r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                        subject = cert == null ? null : cert.getSubjectX500Principal().getName();
                    }
                }
            }
        }
        if (user != null) {
            // The client address is for the audit trail of refusals (OrganisationAuthority), never for a decision.
            Object http = message.get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
            String address = http instanceof jakarta.servlet.http.HttpServletRequest r ? r.getRemoteAddr() : null;
            CallerIdentity caller = new CallerIdentity(user, subject, address);
            if (message.get(CredentialStoreValidator.CREDENTIAL_READ) instanceof ClientCredential read) {
                caller = caller.withCredential(read); // used only if it is this user's (credentialRead)
            }
            message.put(CallerIdentity.CONTEXT_KEY, caller);
        }
    }

    /** The identity of the request being processed on this thread, or null outside a request. */
    static CallerIdentity current() {
        var message = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
        return message == null ? null : (CallerIdentity) message.get(CallerIdentity.CONTEXT_KEY);
    }
}
