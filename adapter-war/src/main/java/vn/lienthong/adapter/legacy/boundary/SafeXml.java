package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;

/**
 * Parses an already size-bounded SOAP envelope into DOM with every XXE door shut: no DOCTYPE at all (so no
 * external entities and no entity expansion), no external DTD or schema access, no XInclude.
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    static Document parse(byte[] xml) {
        if (containsDoctype(xml)) {
            throw new LegacyFault(LegacyCodes.DOCTYPE, "A DOCTYPE is not allowed in a request");
        }
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a request invalid
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new LegacyFault(LegacyCodes.DOCTYPE, "A DOCTYPE is not allowed in a request");
            }
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The SOAP envelope is not well-formed XML");
        } catch (IOException | ParserConfigurationException e) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The SOAP envelope cannot be read");
        }
    }

    /** Catches DOCTYPE in any ASCII-compatible encoding before the parser sees it (and in UTF-16 via the parser). */
    private static boolean containsDoctype(byte[] xml) {
        String head = new String(xml, StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a security feature", e);
        }
    }
}
