package vn.lienthong.itsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a client of the adapter's WS face does with a file it received as an MTOM part: the answer's signature
 * covers the Body with the part's {@code xop:Include} and its {@code sha256}, not the part's bytes
 * (docs/large-attachments.md), so the client streams the part to disk while digesting it and keeps it only if the
 * digest is the signed one. Nothing of the part is held in memory (64 KiB at a time).
 */
public final class SignedPart {

    private SignedPart() {
    }

    /** Thrown when a part's bytes are not those the signed Body declares: the part was altered. */
    public static final class DigestMismatch extends IOException {
        public DigestMismatch(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code content} to {@code target} and checks its SHA-256 against {@code signedSha256} (hex, from the
     * signed Body); on a mismatch the file is deleted and {@link DigestMismatch} thrown.
     *
     * @return the number of bytes written
     */
    public static long save(InputStream content, String signedSha256, Path target) throws IOException {
        if (signedSha256 == null || !signedSha256.matches("[0-9a-fA-F]{64}")) {
            throw new DigestMismatch("the signed Body declares no sha256 for this part: its bytes are not covered");
        }
        MessageDigest sha = sha256();
        long size;
        try (InputStream in = content; OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            size = in.transferTo(out);
        }
        String got = HexFormat.of().formatHex(sha.digest());
        if (!got.equalsIgnoreCase(signedSha256)) {
            Files.deleteIfExists(target);
            throw new DigestMismatch("part of " + size + " bytes has SHA-256 " + got + ", the signed Body declares "
                    + signedSha256);
        }
        return size;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
