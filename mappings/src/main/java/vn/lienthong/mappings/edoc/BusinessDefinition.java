package vn.lienthong.mappings.edoc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * {@code business.properties}: where the parts of the TraceHeaderList business block live, in both spellings.
 * A dialect names the block's location ({@code business.block}); this reads what is inside it. Refusals name the
 * element with the first (single-s) spelling, as the hub's codes did.
 */
final class BusinessDefinition {

    private final Properties p;

    BusinessDefinition(Properties p) {
        this.p = p;
    }

    /** The block under the SOAP Header, or null when none of {@code blockPaths} exists (a new document, type 0). */
    MappedMessage.Business read(Element soapHeader, List<String> blockPaths) {
        for (String blockPath : blockPaths) {
            Element block = XmlPath.first(soapHeader, strip(blockPath));
            if (block != null) {
                return read(block, strip(blockPaths.get(0)).replace('/', '.'));
            }
        }
        return null;
    }

    private MappedMessage.Business read(Element block, String code) {
        Integer type = integer(block, "type", code);
        Integer paper = integer(block, "paper", code);
        boolean contentChanged = false;
        List<MappedMessage.ReceiverChange> receivers = new ArrayList<>();
        for (Element info : all(block, "documentInfo")) {
            String infoCode = code + "." + first("documentInfo");
            Integer changed = integer(info, "documentInfo.contentChanged", infoCode);
            contentChanged |= changed != null && changed == 1;
            for (Element r : all(info, "documentInfo.receivers")) {
                receivers.add(receiver(r, infoCode + "." + first("documentInfo.receivers")));
            }
        }
        // The vendor sample lists the same ReplacementInfo twice: keep each distinct one once.
        Set<MappedMessage.Replacement> replaced = new LinkedHashSet<>();
        String replacementCode = code + "." + first("replacements");
        for (Element r : all(block, "replacements")) {
            String documentId = text(r, "replacement.documentId");
            if (documentId == null) {
                throw new MappingException("N." + replacementCode + "." + first("replacement.documentId"),
                        "Every ReplacementInfo needs the DocumentId of the replaced document");
            }
            List<String> organIds = new ArrayList<>();
            for (Element o : all(r, "replacement.organIds")) {
                String t = o.getTextContent().trim();
                if (!t.isEmpty()) {
                    organIds.add(t);
                }
            }
            replaced.add(new MappedMessage.Replacement(documentId, List.copyOf(organIds)));
        }
        return new MappedMessage.Business(type, text(block, "targetDocumentId"), text(block, "reason"), paper,
                contentChanged, List.copyOf(receivers), List.copyOf(replaced));
    }

    private MappedMessage.ReceiverChange receiver(Element r, String code) {
        String organId = text(r, "receiver.organId");
        String type = text(r, "receiver.type");
        String typeCode = code + "." + first("receiver.type");
        if (organId == null) {
            throw new MappingException("N." + code + "." + first("receiver.organId"), "Receiver/OrganId is required");
        }
        if (p.getProperty("receiver.type.added").equals(type)) {
            return new MappedMessage.ReceiverChange(organId, true);
        }
        if (p.getProperty("receiver.type.removed").equals(type)) {
            return new MappedMessage.ReceiverChange(organId, false);
        }
        throw new MappingException(type == null ? "N." + typeCode : "M." + typeCode, "ReceiverType must be "
                + p.getProperty("receiver.type.added") + " (added) or " + p.getProperty("receiver.type.removed")
                + " (removed)");
    }

    private Integer integer(Element from, String key, String code) {
        String raw = text(from, key);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            String path = code + "." + first(key);
            throw new MappingException("T." + path, path + " must be a whole number");
        }
    }

    private String text(Element from, String key) {
        for (String path : DialectDefinition.alternatives(p.getProperty(key, ""))) {
            String t = XmlPath.text(from, path);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private List<Element> all(Element from, String key) {
        List<Element> found = new ArrayList<>();
        for (String path : DialectDefinition.alternatives(p.getProperty(key, ""))) {
            found.addAll(XmlPath.all(from, path));
        }
        return found;
    }

    /** The element path used in error codes: the first (single-s) spelling, dotted. */
    private String first(String key) {
        return DialectDefinition.alternatives(p.getProperty(key, "")).get(0).replace('/', '.');
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
