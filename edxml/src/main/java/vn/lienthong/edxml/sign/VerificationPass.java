package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.EdxmlConstants;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.SecureXml;

/**
 * The single streaming pass of {@link PackageVerifier}: records the header, captures the Signature, then digests
 * the whole package (as received and, when the axis appended TraceHeaders, without them). Collects the facts the
 * verdict needs; judging is left to the verifier.
 */
final class VerificationPass {

    private static final long MAX_HEADER_CHARS = 16L * 1024 * 1024;

    private final InputStream in;
    private final Set<SignatureAlgorithm> allowed;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Map<String, String>> namespaces = new ArrayDeque<>();
    private RecordedEvents recorded = new RecordedEvents(MAX_HEADER_CHARS);
    private final List<TraceSpan> traces = new ArrayList<>();

    private SignatureCapture capture;
    private int captureDepth;
    private boolean headerDone;
    private boolean placeholderSeen;
    private int xmlSignatures;
    private String problem;
    private SignatureProfile profile;

    private final List<StreamingCanonicalizer> live = new ArrayList<>();
    private DigestOutputStream fullDigest;
    private DigestOutputStream strippedDigest;
    /** Same, but keeping the whitespace before each appended TraceHeader (an inline insertion). */
    private DigestOutputStream strippedTightDigest;
    private byte[] strippedTightResult;
    private byte[] fullResult;
    private byte[] strippedResult;

    private String fromOrganId;
    private TraceSpan openTrace;
    private StringBuilder collected;

    private static final class TraceSpan {
        int start;
        int end;
        int whitespaceBefore = -1;
        String organId;
    }

    VerificationPass(InputStream in, Set<SignatureAlgorithm> allowed) {
        this.in = in;
        this.allowed = allowed;
    }

    void run() throws IOException {
        XMLStreamReader r = SecureXml.reader(in);
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> onStart(r);
                    case XMLStreamConstants.END_ELEMENT -> onEnd(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (collected != null) {
                            collected.append(r.getTextCharacters(), r.getTextStart(),
                                    Math.min(r.getTextLength(), 256));
                        }
                        EventDispatch.dispatch(event, r, target());
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> EventDispatch.dispatch(event, r, target());
                    case XMLStreamConstants.DTD -> throw EventDispatch.dtdRefused(r);
                    default -> {
                        // comments and document events are not signed
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        } catch (HeaderTooLarge e) {
            problem = e.getMessage();
            return;
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
        if (!headerDone && problem == null) {
            problem = "not an EDXML package: no edXMLHeader";
        }
        for (StreamingCanonicalizer c : live) {
            c.flush();
        }
        fullResult = fullDigest == null ? null : fullDigest.result();
        strippedResult = strippedDigest == null ? null : strippedDigest.result();
        strippedTightResult = strippedTightDigest == null ? null : strippedTightDigest.result();
    }

    private XmlEventSink target() {
        if (capture != null && captureDepth > 0) {
            return capture;
        }
        if (!headerDone) {
            return recorded;
        }
        return liveSink;
    }

    private final XmlEventSink liveSink = new XmlEventSink() {
        @Override
        public void startElement(ElementStart element) throws IOException {
            for (StreamingCanonicalizer c : live) {
                c.startElement(element);
            }
        }

        @Override
        public void endElement() throws IOException {
            for (StreamingCanonicalizer c : live) {
                c.endElement();
            }
        }

        @Override
        public void text(char[] chars, int offset, int length) throws IOException {
            for (StreamingCanonicalizer c : live) {
                c.text(chars, offset, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws IOException {
            for (StreamingCanonicalizer c : live) {
                c.processingInstruction(target, data);
            }
        }
    };

    private void onStart(XMLStreamReader r) throws IOException {
        String local = r.getLocalName();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        String parent = path.peek();
        Map<String, String> declared = new HashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            declared.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i),
                    r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i));
        }
        if (path.isEmpty() && !(EdxmlConstants.QCVN_NS.equals(ns) && "edXML".equals(local)) && problem == null) {
            problem = "not an EDXML package: root element is " + local;
        }
        if (capture != null && captureDepth > 0) {
            captureDepth++;
            capture.startElement(ElementStart.from(r));
        } else if ("Signature".equals(local) && EdxmlConstants.XMLDSIG_NS.equals(ns)) {
            xmlSignatures++;
            if (xmlSignatures > 1) {
                setProblem("more than one XML signature in the package");
            }
            if (headerDone || !"edXMLHeader".equals(parent)) {
                setProblem("the Signature is not a child of edXMLHeader");
            }
            if (capture == null && !headerDone) {
                capture = new SignatureCapture(inScope());
                captureDepth = 1;
                capture.startElement(ElementStart.from(r));
            } else {
                target().startElement(ElementStart.from(r));
            }
        } else {
            if ("Signature".equals(local) && "edXMLHeader".equals(parent)) {
                placeholderSeen = true;
            }
            if (!headerDone && "TraceHeader".equals(local) && "TraceHeaderList".equals(parent)) {
                openTrace = new TraceSpan();
                openTrace.start = recorded.size();
                if (recorded.isWhitespaceText(recorded.size() - 1)) {
                    openTrace.whitespaceBefore = recorded.size() - 1;
                }
            }
            if (!headerDone && isCollected(local, parent)) {
                collected = new StringBuilder();
            }
            target().startElement(ElementStart.from(r));
        }
        path.push(local);
        namespaces.push(declared);
    }

    private boolean isCollected(String local, String parent) {
        return "OrganId".equals(local) && ("From".equals(parent) || "TraceHeader".equals(parent));
    }

    private void onEnd(XMLStreamReader r) throws IOException {
        String local = path.pop();
        namespaces.pop();
        if (capture != null && captureDepth > 0) {
            capture.endElement();
            captureDepth--;
            return;
        }
        if (collected != null) {
            storeCollected(local, path.peek(), collected.toString().strip());
            collected = null;
        }
        target().endElement();
        if (!headerDone && openTrace != null && "TraceHeader".equals(local)) {
            openTrace.end = recorded.size();
            traces.add(openTrace);
            openTrace = null;
        }
        if (!headerDone && "edXMLHeader".equals(local)
                && EdxmlConstants.QCVN_NS.equals(r.getNamespaceURI())) {
            headerDone = true;
            startDigesting();
        }
    }

    private void storeCollected(String local, String parent, String value) {
        if ("OrganId".equals(local) && "From".equals(parent) && fromOrganId == null) {
            fromOrganId = value;
        } else if ("OrganId".equals(local) && openTrace != null) {
            openTrace.organId = value;
        }
    }

    /** The header is complete: the Signature tells how to canonicalise and digest; replay, then go live. */
    private void startDigesting() throws IOException {
        if (capture == null || problem != null) {
            recorded = null;
            return;
        }
        try {
            profile = SignatureProfile.of(capture.signature());
        } catch (SignatureProfile.ProfileViolation v) {
            setProblem(v.getMessage());
            recorded = null;
            return;
        }
        SignatureAlgorithm alg = SignatureAlgorithm.bySignatureUri(profile.signatureMethod()).orElse(null);
        if (alg == null || !allowed.contains(alg)) {
            setProblem("signature algorithm not allowed by policy: " + profile.signatureMethod());
        }
        if ("SHA-1".equals(profile.digestJcaName()) && !allowed.contains(SignatureAlgorithm.RSA_SHA1)) {
            setProblem("SHA-1 digest not allowed by policy");
        }
        fullDigest = new DigestOutputStream(newDigest(profile.digestJcaName()));
        StreamingCanonicalizer full = new StreamingCanonicalizer(fullDigest, profile.mode(),
                profile.inclusivePrefixes());
        recorded.replay(full, List.of());
        live.add(full);
        List<int[]> strip = appendedTraceRanges();
        if (!strip.isEmpty()) {
            strippedDigest = new DigestOutputStream(newDigest(profile.digestJcaName()));
            StreamingCanonicalizer stripped = new StreamingCanonicalizer(strippedDigest, profile.mode(),
                    profile.inclusivePrefixes());
            recorded.replay(stripped, strip);
            live.add(stripped);
            // Whoever appended the TraceHeaders may have indented them (then the whitespace before each one is
            // part of the insertion) or put them inline before the closing tag (then it is not): try both.
            strippedTightDigest = new DigestOutputStream(newDigest(profile.digestJcaName()));
            StreamingCanonicalizer tight = new StreamingCanonicalizer(strippedTightDigest, profile.mode(),
                    profile.inclusivePrefixes());
            recorded.replay(tight, appendedTraceRanges(false));
            live.add(tight);
        }
        recorded = null;
    }

    /**
     * TraceHeaders after the sender's own (the first whose OrganId is From/OrganId; the first one when none
     * matches), each with the indentation before it, as event index ranges.
     */
    private List<int[]> appendedTraceRanges() {
        return appendedTraceRanges(true);
    }

    private List<int[]> appendedTraceRanges(boolean withIndentation) {
        int keep = 0;
        for (int i = 0; i < traces.size(); i++) {
            if (fromOrganId != null && fromOrganId.equals(traces.get(i).organId)) {
                keep = i;
                break;
            }
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = keep + 1; i < traces.size(); i++) {
            TraceSpan t = traces.get(i);
            ranges.add(new int[] {withIndentation && t.whitespaceBefore >= 0 ? t.whitespaceBefore : t.start, t.end});
        }
        return ranges;
    }

    private static MessageDigest newDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> inScope() {
        Map<String, String> result = new HashMap<>();
        // Iterate outermost first so inner declarations win.
        List<Map<String, String>> frames = new ArrayList<>(namespaces);
        for (int i = frames.size() - 1; i >= 0; i--) {
            result.putAll(frames.get(i));
        }
        result.remove("xml");
        return result;
    }

    private void setProblem(String p) {
        if (problem == null) {
            problem = p;
        }
    }

    String problem() {
        return problem;
    }

    SignatureCapture capture() {
        return capture;
    }

    SignatureProfile profile() {
        return profile;
    }

    boolean placeholderSeen() {
        return placeholderSeen;
    }

    byte[] fullDigest() {
        return fullResult;
    }

    byte[] strippedTightDigest() {
        return strippedTightResult;
    }

    byte[] strippedDigest() {
        return strippedResult;
    }

    /** Raised by the recorder when the header is unreasonably large. */
    static final class HeaderTooLarge extends IOException {
        HeaderTooLarge(String message) {
            super(message);
        }
    }
}
