package vn.lienthong.docsig.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import vn.lienthong.docsig.DocumentFormat;

/** The format of a file from its first bytes (and, for a zip, its entry names): file names are not trusted. */
public final class FormatSniffer {

    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x07, 0x02};

    private FormatSniffer() {
    }

    public static DocumentFormat sniff(Path file) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String ascii = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        // PDF readers accept the header anywhere in the first 1024 bytes; so do we.
        if (ascii.contains("%PDF-")) {
            return DocumentFormat.PDF;
        }
        if (ascii.startsWith("PK\u0003\u0004")) {
            return isOoxml(file) ? DocumentFormat.OOXML : DocumentFormat.OTHER;
        }
        if (ascii.startsWith("-----BEGIN PKCS7") || ascii.startsWith("-----BEGIN CMS")
                || (n > 0 && head[0] == 0x30 && indexOf(head, n, SIGNED_DATA_OID) >= 0
                && indexOf(head, n, SIGNED_DATA_OID) < 32)) {
            return DocumentFormat.CMS;
        }
        String text = ascii.startsWith("\u00EF\u00BB\u00BF") ? ascii.substring(3) : ascii;
        if (text.stripLeading().startsWith("<")) {
            return DocumentFormat.XML;
        }
        return DocumentFormat.OTHER;
    }

    private static boolean isOoxml(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null;
        } catch (IOException e) {
            return false; // a broken zip is no document we can examine
        }
    }

    static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
