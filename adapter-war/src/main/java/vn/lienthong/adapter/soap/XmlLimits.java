package vn.lienthong.adapter.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.staxutils.StaxUtils;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * CXF's own limits on what it parses, set on each WS endpoint as a second line behind the request size limit
 * (web.RequestLimitFilter): a request within the byte limit can still be made of millions of tiny
 * elements, each a DOM node once WS-Security has read it; MTOM parts beyond the attachment limits are refused
 * by the MIME reader, and parts spill to a file under the data folder instead of staying in memory.
 */
final class XmlLimits {

    /** MTOM parts larger than this are kept in a temporary file while the request is processed. */
    static final int ATTACHMENT_MEMORY_THRESHOLD = 64 * 1024;

    private XmlLimits() {
    }

    static Map<String, Object> endpointProperties(AdapterSettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put(StaxUtils.MAX_ELEMENT_COUNT, (long) settings.maxXmlElements());
        p.put(StaxUtils.MAX_CHILD_ELEMENTS, settings.maxXmlElements());
        p.put(StaxUtils.MAX_ELEMENT_DEPTH, 100);
        p.put(StaxUtils.MAX_ATTRIBUTE_COUNT, 100);
        p.put(StaxUtils.MAX_ATTRIBUTE_SIZE, 64 * 1024);
        // The XML (a plain request, or the root part of an MTOM request) is held as a DOM: it is bounded by the
        // envelope limit, however large the request's MTOM parts may be. One text node (an inline base64
        // attachment) can be as large as the envelope, no larger.
        p.put(StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, settings.maxEnvelopeBytes()));
        p.put(StaxUtils.MAX_XML_CHARACTERS, Long.valueOf(settings.maxEnvelopeBytes()));
        // The count covers the MIME parts besides the envelope: the attachments, not one more.
        p.put(AttachmentDeserializer.ATTACHMENT_MAX_COUNT, settings.maxAttachments());
        p.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, Long.valueOf(settings.maxAttachmentBytes()));
        p.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, ATTACHMENT_MEMORY_THRESHOLD);
        p.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, spoolDir(settings).toString());
        return p;
    }

    private static Path spoolDir(AdapterSettings settings) {
        Path dir = settings.dataDir().resolve("tmp").resolve("mtom");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MTOM spool folder " + dir, e);
        }
        return dir;
    }
}
