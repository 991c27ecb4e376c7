package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.edxml.read.SecureXml;

/**
 * Parses an already size-bounded SOAP envelope into DOM with the one hardened parser of the project
 * ({@link SecureXml#document}) and turns what it refuses into the old protocol's codes: a DOCTYPE is
 * {@code DOCTYPE}, anything else unreadable {@code BAD_ENVELOPE}.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(byte[] xml) {
        if (containsDoctype(xml)) {
            throw new LegacyFault(LegacyCodes.DOCTYPE, "A DOCTYPE is not allowed in a request");
        }
        try {
            return SecureXml.document(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new LegacyFault(LegacyCodes.DOCTYPE, "A DOCTYPE is not allowed in a request");
            }
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The SOAP envelope is not well-formed XML");
        } catch (IOException e) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The SOAP envelope cannot be read");
        }
    }

    /** Catches DOCTYPE in any ASCII-compatible encoding before the parser sees it (and in UTF-16 via the parser). */
    private static boolean containsDoctype(byte[] xml) {
        String head = new String(xml, StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
    }
}
