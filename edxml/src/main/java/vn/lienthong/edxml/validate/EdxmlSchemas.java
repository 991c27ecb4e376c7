package vn.lienthong.edxml.validate;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The strict schemas of module {@code xsd} (what we emit), loaded from the classpath. Validators come back
 * hardened: no DTDs, no external entities or schemas fetched while validating an instance.
 */
public final class EdxmlSchemas {

    public static final String DOCUMENT = "/xsd/edxml-document.xsd";
    public static final String STATUS = "/xsd/edxml-status.xsd";

    private static final Schema DOCUMENT_SCHEMA = load(DOCUMENT);
    private static final Schema STATUS_SCHEMA = load(STATUS);

    private EdxmlSchemas() {
    }

    public static Schema document() {
        return DOCUMENT_SCHEMA;
    }

    public static Schema status() {
        return STATUS_SCHEMA;
    }

    /** A validator that refuses DTDs and will not fetch anything while validating. */
    public static Validator validator(Schema schema) throws SAXException {
        Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return v;
    }

    private static Schema load(String resource) {
        URL url = EdxmlSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema " + resource + " missing from the classpath (module xsd)");
        }
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Only the schemas' own includes, which sit next to them in the same jar or folder.
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return f.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + resource + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
