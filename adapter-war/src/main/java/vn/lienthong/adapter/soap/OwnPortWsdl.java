package vn.lienthong.adapter.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Serves {@code ?wsdl} of an endpoint with that endpoint's port only, at the absolute address the client used
 * (scheme, host and port of the request; {@code https} behind a trusted TLS proxy). Both endpoints share one WSDL
 * with two ports; CXF's default answer lists the other port first with a relative address, which independent
 * clients (python-zeep) bind and then fail on. Set on each endpoint as its {@code WSDLGetUtils}.
 */
final class OwnPortWsdl extends WSDLGetUtils {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";

    private final TransportSecurity transport;

    OwnPortWsdl(TransportSecurity transport) {
        this.transport = transport;
    }

    @Override
    public Document getDocument(Message message, String base, Map<String, String> params, String ctxUri,
            EndpointInfo endpointInfo) {
        Document served = super.getDocument(message, base, params, ctxUri, endpointInfo);
        if (served == null || served.getElementsByTagNameNS(WSDL_NS, "port").getLength() == 0) {
            return served;
        }
        // A copy: CXF may keep the document it built; every request gets its own addresses.
        Document copy = (Document) served.cloneNode(true);
        keepOnly(copy, endpointInfo.getName().getLocalPart(), address(message, base));
        return copy;
    }

    static void keepOnly(Document wsdl, String portName, String address) {
        NodeList ports = wsdl.getElementsByTagNameNS(WSDL_NS, "port");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < ports.getLength(); i++) {
            all.add((Element) ports.item(i));
        }
        for (Element port : all) {
            if (!portName.equals(port.getAttribute("name"))) {
                port.getParentNode().removeChild(port);
                continue;
            }
            for (Node n = port.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "address".equals(e.getLocalName())) {
                    e.setAttribute("location", address);
                }
            }
        }
    }

    /** The endpoint's absolute address as the client reached it. */
    private String address(Message message, String base) {
        String url = base;
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request != null && url.startsWith("http:") && "https".equals(transport.clientScheme(request))) {
            url = "https:" + url.substring("http:".length());
        }
        return url;
    }
}
