package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.legacy.control.LegacyDocument;
import vn.lienthong.edxml.attach.NonClosingOutputStream;

/**
 * Sends a reply: plain {@code text/xml} when there is nothing to attach, SOAP with Attachments otherwise (spec
 * §2 [P]). Attachment parts carry the file's base64 text, as hub replies did and hub clients expect (spec §6.3,
 * profile "hub"), declared as {@code Content-Transfer-Encoding: base64} so MIME-aware clients decode it too;
 * files are streamed from disk, never loaded whole.
 */
final class ReplySender {

    private ReplySender() {
    }

    static void send(HttpServletResponse resp, LegacyReply reply) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK); // business errors are Reports in HTTP 200 (spec §2)
        if (reply.attachments().isEmpty()) {
            resp.setContentType(reply.soap12() ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
            resp.setContentLength(reply.envelope().length);
            resp.getOutputStream().write(reply.envelope());
            return;
        }
        String boundary = "edoc-" + UUID.randomUUID();
        String rootType = reply.soap12() ? "application/soap+xml" : "text/xml";
        resp.setContentType("multipart/related; type=\"" + rootType + "\"; boundary=\"" + boundary + "\"; start=\"<root>\"");
        OutputStream out = resp.getOutputStream();
        ascii(out, "--" + boundary + "\r\nContent-Type: " + rootType + "; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nContent-ID: <root>\r\n\r\n");
        out.write(reply.envelope());
        for (LegacyDocument.File f : reply.attachments()) {
            ascii(out, "\r\n--" + boundary + "\r\nContent-Type: "
                    + (f.contentType() == null ? "application/octet-stream" : f.contentType().replaceAll("[\\r\\n]", ""))
                    + "\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <" + f.contentId() + ">\r\n\r\n");
            try (InputStream in = Files.newInputStream(f.path());
                    OutputStream encoder = Base64.getMimeEncoder().wrap(new NonClosingOutputStream(out))) {
                in.transferTo(encoder);
            }
        }
        ascii(out, "\r\n--" + boundary + "--\r\n");
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
