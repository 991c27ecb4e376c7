package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyDocument;
import vn.lienthong.adapter.legacy.control.LegacyOrganisation;
import vn.lienthong.adapter.legacy.control.LegacyTrace;
import vn.lienthong.mappings.edoc.EdocMappings;

/**
 * Writes old-protocol replies exactly in the hub's forms (spec §5.1, §6): {@code edXML:<Operation>Response}
 * wrappers, qualified children, {@code Report{IsSuccess, ErrorList}}, an empty {@code ErrorList} when there is
 * nothing to say, dates as the mapping's output formats. No credential is ever written.
 */
public final class LegacyReplies {

    public static final String EDXML = "http://www.e-doc.vn/Schema/";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    /**
     * Looked up once: {@code XMLOutputFactory.newFactory()} searches the class path for a provider on every call
     * (the profile: ~10 % of an old-protocol request). A configured factory is safe to share.
     */
    private static final XMLOutputFactory STAX = XMLOutputFactory.newFactory();

    private final EdocMappings mappings;
    private final String soapNs;

    /** Replies in SOAP 1.1, the protocol's own version. */
    public LegacyReplies(EdocMappings mappings) {
        this(mappings, LegacyEnvelope.SOAP11);
    }

    private LegacyReplies(EdocMappings mappings, String soapNs) {
        this.mappings = mappings;
        this.soapNs = soapNs;
    }

    /** Replies in the SOAP version of the request (1.2 is accepted as a superset, spec §2 [P]). */
    LegacyReplies inVersionOf(String requestSoapNs) {
        return LegacyEnvelope.SOAP12.equals(requestSoapNs) ? new LegacyReplies(mappings, LegacyEnvelope.SOAP12) : this;
    }

    boolean soap12() {
        return LegacyEnvelope.SOAP12.equals(soapNs);
    }

    /** A Report inside the operation's wrapper; {@code wrapper == null}: directly in Body (GetDocument, unknown action). */
    public byte[] report(String wrapper, List<LegacyFault.LegacyError> errors) {
        return envelope(w -> {
            if (wrapper != null) {
                w.writeStartElement("edXML", wrapper, EDXML);
            }
            report(w, errors);
            if (wrapper != null) {
                w.writeEndElement();
            }
        }, null);
    }

    public byte[] sendDocumentAccepted(long documentId) {
        return envelope(w -> {
            w.writeStartElement("edXML", "SendDocumentResponse", EDXML);
            report(w, List.of());
            text(w, "DocumentId", Long.toString(documentId));
            w.writeEndElement();
        }, null);
    }

    public byte[] pendingDocumentIds(List<Long> ids) {
        return envelope(w -> {
            w.writeStartElement("edXML", "GetPendingDocumentIdsResponse", EDXML);
            w.writeStartElement("edXML", "DocumentIds", EDXML);
            for (Long id : ids) {
                text(w, "DocumentId", id.toString());
            }
            w.writeEndElement();
            w.writeEndElement();
        }, null);
    }

    public byte[] traces(List<LegacyTrace> traces) {
        return envelope(w -> {
            w.writeStartElement("edXML", "GetTracesResponse", EDXML);
            w.writeStartElement("edXML", "Traces", EDXML);
            for (LegacyTrace t : traces) {
                w.writeStartElement("edXML", "Status", EDXML);
                w.writeStartElement("edXML", "From", EDXML);
                text(w, "OrganId", t.fromOrganId());
                text(w, "OrganizationInCharge", null);
                text(w, "OrganName", t.fromOrganName());
                for (String empty : List.of("OrganAdd", "Email", "Telephone", "Fax", "Website")) {
                    text(w, empty, null);
                }
                w.writeEndElement();
                w.writeStartElement("edXML", "ResponseFor", EDXML);
                text(w, "OrganId", t.responseForOrganId());
                text(w, "Code", t.code());
                text(w, "PromulgationDate", t.promulgationDate() == null ? null
                        : mappings.tracePromulgationDateFormat().format(t.promulgationDate().atStartOfDay()));
                text(w, "DocumentId", t.documentId());
                w.writeEndElement();
                w.writeStartElement("edXML", "StaffInfo", EDXML);
                for (String empty : List.of("Department", "DepartmentId")) {
                    text(w, empty, null);
                }
                text(w, "Staff", t.staff());
                for (String empty : List.of("StaffId", "Email", "Mobile")) {
                    text(w, empty, null);
                }
                w.writeEndElement();
                text(w, "StatusCode", t.statusCode());
                text(w, "Description", t.description());
                text(w, "Timestamp", t.timestamp() == null ? null : mappings.timestampFormat().format(t.timestamp()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, null);
    }

    public byte[] organisations(List<LegacyOrganisation> list) {
        return envelope(w -> {
            w.writeStartElement("edXML", "GetOrganizationsResponse", EDXML);
            w.writeStartElement("edXML", "Organizations", EDXML);
            for (LegacyOrganisation o : list) {
                w.writeStartElement("edXML", "Organization", EDXML);
                text(w, "OrganId", o.organId());
                text(w, "OrganizationInCharge", o.organizationInCharge());
                text(w, "OrganName", o.organName());
                text(w, "OrganAdd", o.organAdd());
                text(w, "Email", o.email());
                text(w, "Telephone", o.telephone());
                text(w, "Fax", o.fax());
                text(w, "Website", o.website());
                text(w, "agency", Boolean.toString(o.agency()));
                text(w, "send_vpcp", Boolean.toString(o.sendVpcp()));
                text(w, "is_integrator_center", Boolean.toString(o.integratorCenter()));
                text(w, "domain_new", o.domainNew());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }, null);
    }

    /** GetDocument: no wrapper; the reply is itself an edXML message (hub dialect, no Signature, no ErrorList). */
    public byte[] document(LegacyDocument d) {
        return envelope(w -> {
            w.writeStartElement("edXML", "Manifest", EDXML);
            for (LegacyDocument.File f : d.files()) {
                w.writeStartElement("edXML", "Reference", EDXML);
                w.writeAttribute("xlink", XLINK, "href", "cid:" + f.contentId());
                text(w, "AttachmentName", f.name());
                text(w, "Description", f.description());
                w.writeEndElement();
            }
            w.writeEndElement();
        }, w -> {
            new MessageHeaderWriter(mappings).write(w, d.header());
            w.writeStartElement("edXML", "TraceHeaderList", EDXML);
            for (var t : d.traces().traceHeaders()) {
                w.writeStartElement("edXML", "TraceHeader", EDXML);
                text(w, "OrganId", t.organId());
                text(w, "Timestamp", t.timestamp() == null ? null : mappings.timestampFormat().format(t.timestamp()));
                w.writeEndElement();
            }
            var b = d.traces().bussiness();
            String business = mappings.businessElement();
            w.writeStartElement("edXML", business, EDXML);
            text(w, business + "DocType", b == null || b.type() == null ? "0" : Integer.toString(b.type().code()));
            text(w, business + "DocReason", b == null ? null : b.reason());
            text(w, "Paper", b == null || b.paper() == null ? "0" : b.paper().toString());
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void report(XMLStreamWriter w, List<LegacyFault.LegacyError> errors) throws XMLStreamException {
        w.writeStartElement("edXML", "Report", EDXML);
        text(w, "IsSuccess", Boolean.toString(errors.isEmpty()));
        w.writeStartElement("edXML", "ErrorList", EDXML);
        for (LegacyFault.LegacyError e : errors) {
            w.writeStartElement("edXML", "Error", EDXML);
            text(w, "Code", e.code());
            text(w, "Description", e.description());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** An element in the edXML namespace; null text is written as an empty element, as the later hub did. */
    static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            w.writeEmptyElement("edXML", name, EDXML);
            return;
        }
        w.writeStartElement("edXML", name, EDXML);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    @FunctionalInterface
    private interface Content {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private byte[] envelope(Content body, Content header) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter w = STAX.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("SOAP-ENV", "Envelope", soapNs);
            w.writeNamespace("SOAP-ENV", soapNs);
            w.writeNamespace("edXML", EDXML);
            w.writeNamespace("xlink", XLINK);
            if (header != null) {
                w.writeStartElement("SOAP-ENV", "Header", soapNs);
                header.write(w);
                w.writeEndElement();
            }
            w.writeStartElement("SOAP-ENV", "Body", soapNs);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write a reply", e);
        }
    }
}
