package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a document package, adding a {@code TraceHeader} with only a {@code Timestamp} at the end of its
 * {@code TraceHeaderList}, as packages fetched from the real axis show (spec edxml-qcvn102 §4.2). Nothing else is
 * rewritten: only the header part (before {@code </edXMLHeader>}) is buffered and edited as text, the attachments
 * stream through untouched. A package without a TraceHeaderList gets one after its MessageHeader.
 */
final class TransitTraceHeader {

    private static final int MAX_HEADER_BYTES = 4 * 1024 * 1024;
    private static final Pattern HEADER_END = Pattern.compile("</(?:[\\w.-]+:)?edXMLHeader\\s*>");
    private static final Pattern LIST_END = Pattern.compile("</([\\w.-]+:)?TraceHeaderList\\s*>");
    private static final Pattern LIST_EMPTY = Pattern.compile("<([\\w.-]+:)?TraceHeaderList(\\s[^>]*)?/>");
    private static final Pattern MESSAGE_HEADER_END = Pattern.compile("</([\\w.-]+:)?MessageHeader\\s*>");

    private TransitTraceHeader() {
    }

    /** @param timestamp {@code yyyy/MM/dd HH:mm:ss} */
    static void copy(InputStream in, OutputStream out, String timestamp) throws IOException {
        // ISO-8859-1 maps bytes 1:1 to chars, so editing the text and re-encoding keeps every other byte.
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        Matcher end = HEADER_END.matcher("");
        boolean found = false;
        while (!found && text.length() <= MAX_HEADER_BYTES && (n = in.read(buffer)) > 0) {
            int searchFrom = Math.max(0, text.length() - 64);
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            end = HEADER_END.matcher(text);
            found = end.find(searchFrom);
        }
        if (!found) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            in.transferTo(out);
            return;
        }
        String header = text.substring(0, end.end());
        out.write(withTrace(header, timestamp).getBytes(StandardCharsets.ISO_8859_1));
        out.write(text.substring(end.end()).getBytes(StandardCharsets.ISO_8859_1));
        in.transferTo(out);
    }

    static String withTrace(String header, String timestamp) {
        Matcher m = LIST_END.matcher(header);
        int at = -1;
        String prefix = null;
        while (m.find()) {
            at = m.start();
            prefix = m.group(1);
        }
        if (at >= 0) {
            return header.substring(0, at) + traceHeader(prefix, timestamp) + header.substring(at);
        }
        Matcher empty = LIST_EMPTY.matcher(header);
        if (empty.find()) {
            String p = empty.group(1) == null ? "" : empty.group(1);
            String attributes = empty.group(2) == null ? "" : empty.group(2);
            return header.substring(0, empty.start()) + "<" + p + "TraceHeaderList" + attributes + ">"
                    + traceHeader(empty.group(1), timestamp) + "</" + p + "TraceHeaderList>"
                    + header.substring(empty.end());
        }
        Matcher message = MESSAGE_HEADER_END.matcher(header);
        if (message.find()) {
            String p = message.group(1) == null ? "" : message.group(1);
            return header.substring(0, message.end()) + "<" + p + "TraceHeaderList>"
                    + traceHeader(message.group(1), timestamp) + "</" + p + "TraceHeaderList>"
                    + header.substring(message.end());
        }
        return header;
    }

    private static String traceHeader(String prefix, String timestamp) {
        String p = prefix == null ? "" : prefix;
        return "<" + p + "TraceHeader><" + p + "Timestamp>" + timestamp + "</" + p + "Timestamp></" + p
                + "TraceHeader>";
    }
}
