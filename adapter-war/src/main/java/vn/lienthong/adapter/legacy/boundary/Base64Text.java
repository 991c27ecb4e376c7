package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Recognises a part declared binary that actually holds base64 text of a file (spec §8 [P]): only base64
 * characters at its start, and the decoded start is a PDF, ZIP/OOXML or OLE (doc/xls) file.
 */
final class Base64Text {

    private static final byte[][] SIGNATURES = {
        {'%', 'P', 'D', 'F'}, {'P', 'K', 3, 4}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}};

    private Base64Text() {
    }

    static boolean looksLikeEncodedFile(Path raw) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(raw)) {
            head = in.readNBytes(64);
        }
        if (head.length < 8) {
            return false;
        }
        for (byte b : head) {
            if (!(Character.isLetterOrDigit(b) || b == '+' || b == '/' || b == '=' || b == '\r' || b == '\n')) {
                return false;
            }
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(Arrays.copyOf(head, head.length / 4 * 4));
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (byte[] sig : SIGNATURES) {
            if (decoded.length >= sig.length && Arrays.equals(Arrays.copyOf(decoded, sig.length), sig)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes as a stream; false (target removed) when the rest turns out not to be base64. */
    static boolean tryDecode(Path raw, Path target) throws IOException {
        try (InputStream in = Base64.getMimeDecoder().wrap(Files.newInputStream(raw))) {
            Files.copy(in, target);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            Files.deleteIfExists(target);
            return false;
        }
    }
}
