package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;

/**
 * The protocol's reading side: from the HTTP request to the envelope bytes and spooled parts, every limit applied
 * while the body streams in ({@code adapter.legacy.max-message-bytes} on Content-Length and on the bytes read,
 * the envelope, part count and part size limits inside {@link SwaReader}), so an over-limit request is refused
 * before the rest of it is read. Parts go to {@code <data>/tmp/legacy/req-*}, removed when the message is closed.
 */
final class LegacyRequestReader {

    private final AdapterSettings settings;

    LegacyRequestReader(AdapterSettings settings) {
        this.settings = settings;
    }

    /** The received message; the caller closes it (which removes its spooled parts). */
    SwaMessage read(HttpServletRequest req) throws IOException {
        long max = settings.legacyMaxMessageBytes();
        if (req.getContentLengthLong() > max) { // refused before a single byte of the body is read
            throw new LegacyFault(LegacyCodes.MESSAGE_TOO_LARGE, "The request is larger than " + max + " bytes");
        }
        Path root = settings.dataDir().resolve("tmp").resolve("legacy");
        Files.createDirectories(root);
        Path spool = Files.createTempDirectory(root, "req-");
        SwaReader reader = new SwaReader(settings.legacyMaxEnvelopeBytes(), settings.maxAttachmentBytes(),
                settings.maxAttachments());
        InputStream body = new BoundedInputStream(req.getInputStream(), max, LegacyCodes.MESSAGE_TOO_LARGE);
        return reader.read(req.getContentType(), body, spool); // on failure it has removed the spool folder
    }

    /** SOAPAction (quoted or not), or the action parameter of a SOAP 1.2 content type. */
    static String action(HttpServletRequest req) {
        String a = req.getHeader("SOAPAction");
        if (a == null && req.getContentType() != null) {
            a = SwaReader.parameters(req.getContentType()).get("action");
        }
        if (a == null) {
            return "";
        }
        a = a.trim();
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1).trim();
        }
        return a;
    }
}
