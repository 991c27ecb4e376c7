package vn.lienthong.resilience.bigfiles;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * Another agency's system sending the adapter a document with one large file through the axis: the EDXML package
 * is written by streaming (the file generated from its seed, base64-encoded on the way) and handed to the simulator
 * as a package addressed to the adapter's organisation ({@code /_sim/inject}, streamed from the file), where the
 * adapter's receive loop finds it like any other.
 */
final class IncomingFromAxis {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI admin;

    IncomingFromAxis(URI simulatorAdmin) {
        this.admin = simulatorAdmin;
    }

    static String documentId(String from, String number) {
        return from + ",2026/11/28," + number + "/UBND-VP";
    }

    /** Writes the package of document {@code number} with {@code file} to {@code packageFile} (streamed). */
    void write(String from, String to, String number, SeededContent file, Path packageFile) throws IOException {
        String documentId = documentId(from, number);
        MessageHeader header = new MessageHeader(Organization.of(from, "UBND tỉnh Nghệ An"),
                List.of(Organization.of(to, "Văn phòng Chính phủ")), documentId, new DocumentCode(number, "UBND-VP"),
                new PromulgationInfo("Nghệ An", LocalDate.of(2026, 11, 28)), new DocumentType(1, null, "Công văn"),
                "Tệp lớn đến từ trục " + number, null, null, null,
                new OtherInfo(0, null, null, null, null, false, List.of()), List.of(), 0, List.of(), null, List.of());
        DocumentPackage pkg = new DocumentPackage(header, new TraceHeaderList(Bussiness.newDocument("Văn bản mới", null),
                List.of(new TraceHeader(from, LocalDateTime.now()))));
        try (OutputStream out = Files.newOutputStream(packageFile)) {
            new EdxmlWriter().writeDocument(pkg, List.of(new AttachmentSource("tep-lon-den.pdf", "Tệp lớn đến",
                    "application/pdf", file::getInputStream)), out);
        }
    }

    /** Hands the package to the axis (streamed from the file), then deletes the file. */
    void inject(Path packageFile) throws IOException, InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(admin.resolve("inject"))
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(packageFile)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("inject: HTTP " + r.statusCode() + " " + r.body());
            }
        } finally {
            Files.deleteIfExists(packageFile);
        }
    }
}
