package vn.lienthong.adapter.legacy.boundary;

import static vn.lienthong.adapter.legacy.boundary.LegacyReplies.EDXML;
import static vn.lienthong.adapter.legacy.boundary.LegacyReplies.text;

import java.time.LocalDate;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.mappings.edoc.EdocMappings;

/**
 * The {@code edXML:MessageHeader} of a GetDocument reply in the hub's form (spec §7.1): every element present,
 * empty when there is nothing to say, the hub's defaults where old clients expect a number, dates in the mapping's
 * output format.
 */
final class MessageHeaderWriter {

    private final EdocMappings mappings;

    MessageHeaderWriter(EdocMappings mappings) {
        this.mappings = mappings;
    }

    void write(XMLStreamWriter w, MessageHeader h) throws XMLStreamException {
        w.writeStartElement("edXML", "MessageHeader", EDXML);
        organisation(w, "From", h.from());
        for (Organization to : h.to()) {
            organisation(w, "To", to);
        }
        text(w, "DocumentId", h.documentId());
        w.writeStartElement("edXML", "Code", EDXML);
        text(w, "CodeNumber", h.code() == null ? null : h.code().codeNumber());
        text(w, "CodeNotation", h.code() == null ? null : h.code().codeNotation());
        w.writeEndElement();
        w.writeStartElement("edXML", "PromulgationInfo", EDXML);
        text(w, "Place", h.promulgationInfo() == null ? null : h.promulgationInfo().place());
        text(w, "PromulgationDate", date(h.promulgationInfo() == null ? null : h.promulgationInfo().promulgationDate()));
        w.writeEndElement();
        w.writeStartElement("edXML", "DocumentType", EDXML);
        text(w, "Type", h.documentType() == null || h.documentType().type() == null ? null
                : h.documentType().type().toString());
        text(w, "TypeName", h.documentType() == null ? null : h.documentType().typeName());
        w.writeEndElement();
        text(w, "Subject", h.subject());
        text(w, "Content", h.content());
        w.writeStartElement("edXML", "SignerInfo", EDXML);
        text(w, "Competence", h.signerInfo() == null ? null : h.signerInfo().competence());
        text(w, "Position", h.signerInfo() == null ? null : h.signerInfo().position());
        text(w, "FullName", h.signerInfo() == null ? null : h.signerInfo().fullName());
        w.writeEndElement();
        text(w, "DueDate", date(h.dueDate()));
        w.writeStartElement("edXML", "ToPlaces", EDXML);
        for (String place : h.toPlaces()) {
            text(w, "Place", place);
        }
        w.writeEndElement();
        var o = h.otherInfo();
        w.writeStartElement("edXML", "OtherInfo", EDXML);
        text(w, "Priority", o == null || o.priority() == null ? "0" : o.priority().toString());
        text(w, "SphereOfPromulgation", o == null ? null : o.sphereOfPromulgation());
        text(w, "TyperNotation", o == null ? null : o.typerNotation());
        text(w, "PromulgationAmount", o == null || o.promulgationAmount() == null ? "1" : o.promulgationAmount().toString());
        text(w, "PageAmount", o == null || o.pageAmount() == null ? "1" : o.pageAmount().toString());
        w.writeStartElement("edXML", "Appendixes", EDXML);
        if (o != null) {
            for (String a : o.appendixes()) {
                text(w, "Appendix", a);
            }
        }
        w.writeEndElement();
        w.writeEndElement();
        text(w, "SteeringType", h.steeringType() == null ? "0" : h.steeringType().toString());
        w.writeEndElement();
    }

    private static void organisation(XMLStreamWriter w, String name, Organization o) throws XMLStreamException {
        w.writeStartElement("edXML", name, EDXML);
        text(w, "OrganId", o == null ? null : o.organId());
        text(w, "OrganizationInCharge", o == null ? null : o.organizationInCharge());
        text(w, "OrganName", o == null ? null : o.organName());
        text(w, "OrganAdd", o == null ? null : o.organAdd());
        text(w, "Email", o == null ? null : o.email());
        text(w, "Telephone", o == null ? null : o.telephone());
        text(w, "Fax", o == null ? null : o.fax());
        text(w, "Website", o == null ? null : o.website());
        w.writeEndElement();
    }

    private String date(LocalDate d) {
        return d == null ? null : mappings.dateFormat().format(d);
    }
}
