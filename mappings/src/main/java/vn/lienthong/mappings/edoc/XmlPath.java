package vn.lienthong.mappings.edoc;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds elements by local names, ignoring namespaces — the hub matched most elements that way and old clients
 * differ in qualification (spec §3). Matching is exact on the local name.
 */
public final class XmlPath {

    private XmlPath() {
    }

    /** All elements reached from {@code from} along {@code path} ("A/B/C"; an empty path is {@code from}). */
    public static List<Element> all(Element from, String path) {
        List<Element> current = new ArrayList<>(List.of(from));
        for (String step : path.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                next.addAll(children(e, step));
            }
            current = next;
        }
        return current;
    }

    public static Element first(Element from, String path) {
        List<Element> found = all(from, path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Trimmed text of the first element on the path; null when absent or blank. */
    public static String text(Element from, String path) {
        Element e = first(from, path);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }
}
