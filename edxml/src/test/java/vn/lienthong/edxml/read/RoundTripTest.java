package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/** Read → write → read keeps every value of every vendor fixture (attachment bytes included). */
class RoundTripTest {

    @TempDir
    Path tmp;

    static Stream<Path> vendorFiles() {
        return Fixtures.vendorFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("vendorFiles")
    void vendorFixtureSurvivesARoundTrip(Path file) throws IOException {
        EdxmlReader reader = new EdxmlReader();
        AttachmentSink.DirectorySink first = AttachmentSink.toDirectory(tmp.resolve("first"));
        ReadResult original = reader.read(file, first);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (original.kind() == PackageKind.STATUS) {
            new EdxmlWriter().writeStatus(original.status(), out);
        } else {
            List<AttachmentSource> sources = new ArrayList<>();
            for (ReceivedAttachment a : original.attachments()) {
                Path stored = first.files().get(a.index());
                sources.add(new AttachmentSource(a.attachment().attachmentName(), a.attachment().description(),
                        a.attachment().contentType(), () -> Files.newInputStream(stored), a.attachment().contentId()));
            }
            new EdxmlWriter().writeDocument(original.document(), sources, out);
        }
        AttachmentSink.DirectorySink second = AttachmentSink.toDirectory(tmp.resolve("second"));
        ReadResult again = reader.read(new ByteArrayInputStream(out.toByteArray()), second);
        assertFalse(again.hasErrors(), again.errors().toString());
        assertEquals(original.status(), again.status());
        assertEquals(original.document(), again.document());
        assertEquals(original.attachments().size(), again.attachments().size());
        for (ReceivedAttachment a : original.attachments()) {
            assertArrayEquals(Files.readAllBytes(first.files().get(a.index())),
                    Files.readAllBytes(second.files().get(a.index())));
        }
    }
}
