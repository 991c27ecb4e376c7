package vn.lienthong.edxml.read;

import java.util.ArrayList;
import java.util.List;

/**
 * A light element tree of everything but attachment content: packages are matched by local name in any order
 * (spec §2), which is simplest on a small tree. Text is capped; attachment payloads are streamed elsewhere and
 * referenced by index.
 */
final class XmlNode {

    final String localName;
    final String namespace;
    final int line;
    final int column;
    final XmlNode parent;
    final List<XmlNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int payloadIndex = -1;

    XmlNode(String localName, String namespace, int line, int column, XmlNode parent) {
        this.localName = localName;
        this.namespace = namespace == null ? "" : namespace;
        this.line = line;
        this.column = column;
        this.parent = parent;
    }

    /** Trimmed text, or null when empty: empty elements mean "absent" (spec §15.1). */
    String value() {
        String t = text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    List<XmlNode> all(String... names) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode c : children) {
            for (String n : names) {
                if (n.equals(c.localName)) {
                    found.add(c);
                    break;
                }
            }
        }
        return found;
    }

    XmlNode first(String... names) {
        List<XmlNode> found = all(names);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Dotted path in the hub style: {@code MessageHeader.From.OrganId}, {@code AttachmentEncoded.Attachment}. */
    String path() {
        List<String> names = new ArrayList<>();
        for (XmlNode n = this; n != null && n.parent != null; n = n.parent) {
            names.add(0, n.localName);
        }
        String p = String.join(".", names);
        if (p.startsWith("edXMLEnvelope.edXMLHeader.")) {
            return p.substring("edXMLEnvelope.edXMLHeader.".length());
        }
        return p.isEmpty() ? "edXML" : p;
    }

    String childPath(String name) {
        return path() + "." + name;
    }
}
