package vn.lienthong.edxml.sign;

import java.io.OutputStream;
import java.security.MessageDigest;

/** Feeds canonical bytes into a digest; nothing is kept. */
final class DigestOutputStream extends OutputStream {

    private final MessageDigest digest;

    DigestOutputStream(MessageDigest digest) {
        this.digest = digest;
    }

    @Override
    public void write(int b) {
        digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    byte[] result() {
        return digest.digest();
    }
}
