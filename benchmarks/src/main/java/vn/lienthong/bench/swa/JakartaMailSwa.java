package vn.lienthong.bench.swa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

/**
 * Jakarta Mail's MIME parser (Angus Mail, as Payara ships it): {@link MimeMultipart} over the request stream, the
 * root part chosen by the {@code start} parameter (else the first part), {@link MimeBodyPart#getInputStream} for
 * the transfer-decoded content, {@link MimeMultipart#isComplete} to refuse a truncated request. Jakarta Mail has no
 * part size or count limits, so they are checked after parsing; from a plain stream it holds every part in memory.
 */
public final class JakartaMailSwa implements SwaParser {

    @Override
    public String name() {
        return "Jakarta Mail MimeMultipart";
    }

    @Override
    public Parsed parse(String contentType, InputStream body, Path spool, Limits limits) throws Exception {
        Files.createDirectories(spool);
        MimeMultipart multipart = new MimeMultipart(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return body;
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public String getName() {
                return "request";
            }
        });
        int count = multipart.getCount(); // parses the whole request
        if (!multipart.isComplete()) { // by default a missing closing delimiter is silently accepted
            throw new IOException("the request ends before its closing delimiter");
        }
        String start = SwaParser.plainCid(new ContentType(contentType).getParameter("start"));
        int root = 0;
        for (int i = 0; start != null && i < count; i++) {
            if (start.equals(SwaParser.plainCid(((MimeBodyPart) multipart.getBodyPart(i)).getContentID()))) {
                root = i;
                break;
            }
        }
        if (count - 1 > limits.maxParts()) {
            throw new IOException("too many parts");
        }
        byte[] envelope;
        try (InputStream in = multipart.getBodyPart(root).getInputStream()) {
            envelope = in.readAllBytes();
        }
        if (envelope.length > limits.maxEnvelopeBytes()) {
            throw new IOException("envelope over the limit");
        }
        Map<String, Path> parts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (i == root) {
                continue;
            }
            BodyPart part = multipart.getBodyPart(i);
            Path file = spool.resolve(i + ".bin");
            try (InputStream in = part.getInputStream()) {
                Files.copy(in, file);
            }
            if (Files.size(file) > limits.maxPartBytes()) {
                throw new IOException("part over the limit");
            }
            String cid = SwaParser.plainCid(((MimeBodyPart) part).getContentID());
            if (cid == null || parts.put(cid, file) != null) {
                throw new IOException("part without or with a doubled Content-ID");
            }
        }
        return new Parsed(envelope, parts, spool);
    }
}
