package vn.lienthong.mappings.edoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * One {@code dialect-*.properties} file: how to recognise the dialect and where each field lives. Paths are
 * relative to {@code MessageHeader}; a leading {@code /} makes them relative to the SOAP Header.
 */
final class DialectDefinition {

    private final String name;
    private final String version;
    private final List<String> detect;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final String recipients;
    private final String recipientOrganId;
    private final String recipientOrganName;
    private final List<String> traceOrganIds;
    private final Set<String> notSecret;
    private final List<String> businessBlock;
    private final BusinessDefinition business;

    private record Field(String name, List<String> paths, String type) {
    }

    DialectDefinition(Properties p, Set<String> notSecret, BusinessDefinition business) {
        name = required(p, "dialect");
        version = required(p, "version");
        detect = alternatives(p.getProperty("detect", ""));
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("field.") && key.indexOf('.', 6) < 0) {
                String field = key.substring(6);
                fields.put(field, new Field(field, alternatives(p.getProperty(key)),
                        p.getProperty(key + ".type", "text")));
            }
        }
        recipients = required(p, "recipients");
        recipientOrganId = required(p, "recipient.organId");
        recipientOrganName = required(p, "recipient.organName");
        traceOrganIds = alternatives(p.getProperty("trace.organIds", ""));
        this.notSecret = notSecret;
        businessBlock = alternatives(p.getProperty("business.block", ""));
        this.business = business;
    }

    String name() {
        return name;
    }

    boolean recognises(Element soapHeader, Element messageHeader) {
        return detect.stream().anyMatch(path -> !XmlPath.all(base(soapHeader, messageHeader, path), strip(path)).isEmpty());
    }

    MappedMessage map(Element soapHeader, Element messageHeader) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            String raw = null;
            String usedPath = f.paths().get(0);
            for (String path : f.paths()) {
                raw = XmlPath.text(base(soapHeader, messageHeader, path), strip(path));
                if (raw != null) {
                    usedPath = path;
                    break;
                }
            }
            Object value = convert(f, raw, usedPath);
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        List<MappedMessage.Organisation> to = new ArrayList<>();
        for (Element r : XmlPath.all(messageHeader, recipients)) {
            to.add(new MappedMessage.Organisation(XmlPath.text(r, recipientOrganId), XmlPath.text(r, recipientOrganName)));
        }
        List<String> traces = new ArrayList<>();
        for (String path : traceOrganIds) {
            for (Element e : XmlPath.all(base(soapHeader, messageHeader, path), strip(path))) {
                traces.add(e.getTextContent().trim());
            }
            if (!traces.isEmpty()) {
                break;
            }
        }
        return new MappedMessage("edoc/v" + version + "/" + name, values, to, traces,
                businessBlock.isEmpty() ? null : business.read(soapHeader, businessBlock));
    }

    private Object convert(Field f, String raw, String path) {
        if (raw == null) {
            return "secret".equals(f.type()) ? Boolean.FALSE : null;
        }
        String code = legacyPath(path);
        switch (f.type()) {
            case "int":
                try {
                    return Integer.valueOf(raw);
                } catch (NumberFormatException e) {
                    throw new MappingException("T." + code, code + " must be a whole number");
                }
            case "date":
                return LegacyDates.date(raw).orElseThrow(() -> new MappingException("T." + code,
                        code + " must be a date (yyyy/MM/dd)"));
            case "notation":
                int hash = raw.indexOf('#');
                return hash < 0 ? raw : raw.substring(0, hash).trim(); // the hub stripped "#suffix" too
            case "secret":
                return !notSecret.contains(raw.trim().toLowerCase(java.util.Locale.ROOT));
            default:
                return raw;
        }
    }

    /** {@code PromulgationInfo/Date} → {@code MessageHeader.PromulgationInfo.Date}; header paths keep their root. */
    private static String legacyPath(String path) {
        return path.startsWith("/") ? path.substring(1).replace('/', '.') : "MessageHeader." + path.replace('/', '.');
    }

    private static Element base(Element soapHeader, Element messageHeader, String path) {
        return path.startsWith("/") ? soapHeader : messageHeader;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("Mapping definition lacks " + key);
        }
        return v.trim();
    }
}
