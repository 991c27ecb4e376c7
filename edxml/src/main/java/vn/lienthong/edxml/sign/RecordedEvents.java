package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The header's parse events, kept until the Signature has been read: only then are the canonicalisation mode
 * and digest known. Bounded, because a header is small and anything else is an attack.
 */
final class RecordedEvents implements XmlEventSink {

    private static final Object END = new Object();

    private record Text(String value) {
    }

    private record Pi(String target, String data) {
    }

    private final List<Object> events = new ArrayList<>();
    private final long maxChars;
    private long chars;

    RecordedEvents(long maxChars) {
        this.maxChars = maxChars;
    }

    int size() {
        return events.size();
    }

    boolean isWhitespaceText(int index) {
        return index >= 0 && index < events.size() && events.get(index) instanceof Text t && t.value().isBlank();
    }

    @Override
    public void startElement(ElementStart element) throws IOException {
        count(element.localName().length() + 64L);
        events.add(element);
    }

    @Override
    public void endElement() {
        events.add(END);
    }

    @Override
    public void text(char[] c, int offset, int length) throws IOException {
        count(length);
        events.add(new Text(new String(c, offset, length)));
    }

    @Override
    public void processingInstruction(String target, String data) throws IOException {
        count(target.length() + (data == null ? 0 : data.length()));
        events.add(new Pi(target, data));
    }

    private void count(long n) throws IOException {
        chars += n;
        if (chars > maxChars) {
            throw new VerificationPass.HeaderTooLarge("package header exceeds " + maxChars + " characters");
        }
    }

    /** Replays the events, leaving out index ranges [from, to) listed in {@code skip} (sorted, disjoint). */
    void replay(XmlEventSink sink, List<int[]> skip) throws IOException {
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            if (next < skip.size() && i == skip.get(next)[0]) {
                i = skip.get(next)[1] - 1;
                next++;
                continue;
            }
            Object e = events.get(i);
            if (e == END) {
                sink.endElement();
            } else if (e instanceof ElementStart s) {
                sink.startElement(s);
            } else if (e instanceof Text t) {
                char[] c = t.value().toCharArray();
                sink.text(c, 0, c.length);
            } else if (e instanceof Pi p) {
                sink.processingInstruction(p.target(), p.data());
            }
        }
    }
}
