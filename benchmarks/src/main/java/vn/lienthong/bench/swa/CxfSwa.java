package vn.lienthong.bench.swa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;

/**
 * CXF's own attachment stack (what CXF runs for a JAX-WS SwA/MTOM request): {@link AttachmentDeserializer} with
 * its limits {@code attachment-max-size} / {@code attachment-max-count} / {@code attachment-directory}; the root
 * part is the message content, the attachments are read lazily, cached over the memory threshold to files.
 */
public final class CxfSwa implements SwaParser {

    @Override
    public String name() {
        return "CXF AttachmentDeserializer";
    }

    @Override
    public Parsed parse(String contentType, InputStream body, Path spool, Limits limits) throws Exception {
        Files.createDirectories(spool);
        Message m = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(m);
        m.setExchange(exchange);
        m.put(Message.CONTENT_TYPE, contentType);
        m.setContent(InputStream.class, body);
        m.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, spool.toString());
        m.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, String.valueOf(64 * 1024));
        m.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, String.valueOf(limits.maxPartBytes()));
        m.put(AttachmentDeserializer.ATTACHMENT_MAX_COUNT, String.valueOf(limits.maxParts()));
        AttachmentDeserializer d = new AttachmentDeserializer(m, List.of("multipart/related"));
        d.initializeAttachments();
        byte[] envelope;
        try (InputStream root = m.getContent(InputStream.class)) {
            envelope = root.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxEnvelopeBytes() + 1));
        }
        if (envelope.length > limits.maxEnvelopeBytes()) {
            throw new IOException("envelope over the limit");
        }
        // As CXF's own interceptors do: load every part (the count limit is checked here, and each part is cached,
        // where the size limit applies), then read them.
        m.getAttachments().size();
        Map<String, Path> parts = new LinkedHashMap<>();
        int index = 0;
        for (Attachment a : m.getAttachments()) {
            Path file = spool.resolve(++index + ".bin");
            try (InputStream in = a.getDataHandler().getInputStream()) {
                Files.copy(in, file);
            }
            if (parts.put(SwaParser.plainCid(a.getId()), file) != null) {
                throw new IOException("two parts share Content-ID " + a.getId());
            }
        }
        return new Parsed(envelope, parts, spool);
    }
}
