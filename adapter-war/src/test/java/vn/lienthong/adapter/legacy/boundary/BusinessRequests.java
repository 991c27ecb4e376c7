package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The golden requests of recall, update, replace and take-back (golden/legacy/business): SendDocument as
 * multipart/related SwA ({@code .request.txt}, line ends made CRLF as on the wire), UpdateTraces as text/xml.
 */
final class BusinessRequests {

    static final String TOKEN = "tok-golden-business";

    record Request(String action, SwaMessage message, LegacyEnvelope envelope) {
    }

    private BusinessRequests() {
    }

    static Request read(String name, Path spool) throws IOException {
        boolean swa = name.endsWith(".txt");
        byte[] raw = Golden.bytes("business/" + name);
        if (swa) {
            raw = new String(raw, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        SwaMessage message = new SwaReader(1 << 20, 1 << 20, 5).read(swa
                ? "multipart/related; type=\"text/xml\"; boundary=MIMEBoundary_b1; start=\"<root>\""
                : "text/xml; charset=utf-8", new ByteArrayInputStream(raw), spool);
        return new Request(swa ? "SendDocument" : "UpdateTraces", message,
                LegacyEnvelope.of(SafeXml.parse(message.envelope())));
    }
}
