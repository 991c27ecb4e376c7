package vn.lienthong.adapter.legacy.boundary;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.ManifestEntry;
import vn.lienthong.mappings.edoc.XmlPath;

/**
 * A parsed old-protocol envelope: SOAP 1.1 (or 1.2, accepted as a superset), its Header and Body, and where each
 * operation carries the OrganId/Token credential (spec §4.2). Element names are matched by local name only,
 * so qualified and unqualified forms are both accepted (spec §3).
 */
final class LegacyEnvelope {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    /** OrganId and Token as sent; either may be null. */
    record Credentials(String organId, String token) {
        boolean complete() {
            return organId != null && token != null;
        }
    }

    private final String soapNs;
    private final Element header;
    private final Element body;

    private LegacyEnvelope(String soapNs, Element header, Element body) {
        this.soapNs = soapNs;
        this.header = header;
        this.body = body;
    }

    static LegacyEnvelope of(Document dom) {
        Element root = dom.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"Envelope".equals(XmlPath.localName(root)) || !(SOAP11.equals(ns) || SOAP12.equals(ns))) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The request is not a SOAP envelope");
        }
        Element body = XmlPath.first(root, "Body");
        if (body == null) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The SOAP envelope has no Body");
        }
        return new LegacyEnvelope(ns, XmlPath.first(root, "Header"), body);
    }

    String soapNs() {
        return soapNs;
    }

    Element header() {
        return header;
    }

    Element body() {
        return body;
    }

    /** The first element inside Body (the unqualified request element of most operations). */
    Element bodyRequest() {
        List<Element> children = XmlPath.children(body);
        return children.isEmpty() ? null : children.get(0);
    }

    /** SendDocument, UpdateTraces: Header Signature/KeyInfo. */
    Credentials keyInfo() {
        Element keyInfo = header == null ? null : XmlPath.first(header, "Signature/KeyInfo");
        return keyInfo == null ? new Credentials(null, fallbackToken())
                : new Credentials(XmlPath.text(keyInfo, "OrganId"), orFallback(XmlPath.text(keyInfo, "Token")));
    }

    /** CheckPermission: Header CheckPermission (the Body is not read). */
    Credentials checkPermissionHeader() {
        Element check = header == null ? null : XmlPath.first(header, "CheckPermission");
        return check == null ? new Credentials(null, fallbackToken())
                : new Credentials(XmlPath.text(check, "OrganId"), orFallback(XmlPath.text(check, "Token")));
    }

    /** GetPendingDocumentIds, GetDocument, ConfirmReceived, GetTraces, GetOrganizations: siblings in the body. */
    Credentials bodyCredentials() {
        Element request = bodyRequest();
        return request == null ? new Credentials(null, fallbackToken())
                : new Credentials(XmlPath.text(request, "OrganId"), orFallback(XmlPath.text(request, "Token")));
    }

    /** A child of the body request element by local name, case-insensitively (the hub did so for DocumentId). */
    String bodyValue(String localName) {
        Element request = bodyRequest();
        if (request == null) {
            return null;
        }
        for (Element e : XmlPath.children(request)) {
            if (XmlPath.localName(e).equalsIgnoreCase(localName)) {
                String t = e.getTextContent().trim();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    private String orFallback(String token) {
        return token != null ? token : fallbackToken();
    }

    /** The {@code <Token xmlns="http://e-doc.vn/xsd">} header one client sends: used only when nothing else is. */
    private String fallbackToken() {
        if (header == null) {
            return null;
        }
        for (Element e : XmlPath.children(header, "Token")) {
            if ("http://e-doc.vn/xsd".equals(e.getNamespaceURI())) {
                String t = e.getTextContent().trim();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    /** The Manifest of a SendDocument body: which SwA part is which attachment. */
    List<ManifestEntry> manifest() {
        List<ManifestEntry> entries = new ArrayList<>();
        Element manifest = XmlPath.first(body(), "Manifest");
        if (manifest == null) {
            return entries;
        }
        for (Element ref : XmlPath.children(manifest, "Reference")) {
            String href = ref.getAttributeNS(LegacyReplies.XLINK, "href");
            if (href.isEmpty()) {
                href = ref.getAttribute("href");
            }
            entries.add(new ManifestEntry(SwaReader.stripAngles(href), XmlPath.text(ref, "AttachmentName"),
                    XmlPath.text(ref, "Description")));
        }
        return entries;
    }
}
