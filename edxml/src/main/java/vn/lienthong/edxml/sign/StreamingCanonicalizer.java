package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Canonical XML 1.0 (inclusive) or Exclusive XML Canonicalization 1.0, both without comments, computed from
 * parse events for a whole document. Streams: text content (base64 attachments of any size) goes straight to the
 * output in small chunks, so a package is digested without building a DOM. Only what a whole-document reference
 * ({@code URI=""}, enveloped signature removed) needs is implemented: every element is in the node-set.
 */
final class StreamingCanonicalizer implements XmlEventSink {

    enum Mode { INCLUSIVE, EXCLUSIVE }

    private static final Comparator<ElementStart.Attribute> ATTRIBUTE_ORDER =
            Comparator.comparing(ElementStart.Attribute::namespaceUri).thenComparing(ElementStart.Attribute::localName);

    private final Utf8Output out;
    private final Mode mode;
    private final Set<String> inclusivePrefixes;
    /** Per open element: prefixes declared on it (source view) and namespaces rendered in output scope. */
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<String> openNames = new ArrayDeque<>();
    private boolean rootSeen;

    private record Frame(Map<String, String> declared, Map<String, String> rendered) {
    }

    StreamingCanonicalizer(OutputStream target, Mode mode, Set<String> inclusivePrefixes) {
        this.out = new Utf8Output(target);
        this.mode = mode;
        this.inclusivePrefixes = inclusivePrefixes == null ? Set.of() : Set.copyOf(inclusivePrefixes);
    }

    /** Sends buffered bytes on; call once the document has ended. */
    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void startElement(ElementStart e) throws IOException {
        Map<String, String> declared = new HashMap<>();
        for (ElementStart.NamespaceDecl d : e.declarations()) {
            declared.put(d.prefix(), d.uri());
        }
        Map<String, String> parentRendered = frames.isEmpty() ? Map.of() : frames.peek().rendered();
        frames.push(new Frame(declared, parentRendered));
        TreeMap<String, String> toRender = new TreeMap<>();
        for (String prefix : candidatePrefixes(e)) {
            if ("xml".equals(prefix)) {
                continue;
            }
            String uri = inScope(prefix);
            String renderedUri = parentRendered.getOrDefault(prefix, "");
            if (!uri.equals(renderedUri)) {
                toRender.put(prefix, uri);
            }
        }
        Map<String, String> rendered = parentRendered;
        if (!toRender.isEmpty()) {
            rendered = new HashMap<>(parentRendered);
            rendered.putAll(toRender);
            frames.pop();
            frames.push(new Frame(declared, rendered));
        }
        String qname = e.qualifiedName();
        openNames.push(qname);
        rootSeen = true;
        out.ascii('<');
        out.text(qname);
        // TreeMap orders "" (default namespace) first, then prefixes lexicographically, as C14N requires.
        for (Map.Entry<String, String> ns : toRender.entrySet()) {
            out.text(ns.getKey().isEmpty() ? " xmlns=\"" : " xmlns:" + ns.getKey() + "=\"");
            out.escapedAttribute(ns.getValue());
            out.ascii('"');
        }
        List<ElementStart.Attribute> attrs = new ArrayList<>(e.attributes());
        attrs.sort(ATTRIBUTE_ORDER);
        for (ElementStart.Attribute a : attrs) {
            out.ascii(' ');
            out.text(a.prefix().isEmpty() ? a.localName() : a.prefix() + ":" + a.localName());
            out.text("=\"");
            out.escapedAttribute(a.value());
            out.ascii('"');
        }
        out.ascii('>');
    }

    private Iterable<String> candidatePrefixes(ElementStart e) {
        if (mode == Mode.INCLUSIVE) {
            // Whole document: every in-scope namespace, rendered where it differs from the output parent.
            java.util.Set<String> all = new java.util.HashSet<>();
            for (Frame f : frames) {
                all.addAll(f.declared().keySet());
            }
            all.addAll(frames.peek().rendered().keySet());
            return all;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        used.add(e.prefix());
        for (ElementStart.Attribute a : e.attributes()) {
            if (!a.prefix().isEmpty()) {
                used.add(a.prefix());
            }
        }
        for (String p : inclusivePrefixes) {
            if (declaredAnywhere(p)) {
                used.add(p);
            }
        }
        return used;
    }

    private boolean declaredAnywhere(String prefix) {
        for (Frame f : frames) {
            if (f.declared().containsKey(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The namespace bound to a prefix at the current element; "" when unbound (or default undeclared). */
    private String inScope(String prefix) {
        for (Frame f : frames) {
            String uri = f.declared().get(prefix);
            if (uri != null) {
                return uri;
            }
        }
        return "";
    }

    @Override
    public void endElement() throws IOException {
        frames.pop();
        out.text("</");
        out.text(openNames.pop());
        out.ascii('>');
    }

    @Override
    public void text(char[] chars, int offset, int length) throws IOException {
        if (frames.isEmpty()) {
            return; // whitespace outside the document element is not part of the canonical form
        }
        out.escapedText(chars, offset, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws IOException {
        boolean outsideRoot = frames.isEmpty();
        if (outsideRoot && rootSeen) {
            out.ascii('\n');
        }
        out.text("<?");
        out.text(target);
        if (data != null && !data.isEmpty()) {
            out.ascii(' ');
            out.text(data);
        }
        out.text("?>");
        if (outsideRoot && !rootSeen) {
            out.ascii('\n');
        }
    }
}
