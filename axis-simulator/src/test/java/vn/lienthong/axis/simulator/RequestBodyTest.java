package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void restOfABodyWithinTheLimitIsReadToItsEnd() throws IOException {
        CountingSource source = new CountingSource(new byte[300_000]);
        RequestBody body = new RequestBody(source, 300_000);
        body.readNBytes(10);
        assertTrue(body.discardRest());
        assertEquals(300_000, source.delivered);
    }

    @Test
    void bodyBeyondTheLimitIsNotReadFurther() throws IOException {
        CountingSource source = new CountingSource(new byte[300_000]);
        RequestBody body = new RequestBody(source, 100_000);
        assertFalse(body.discardRest(), "the answer must then say Connection: close");
        assertTrue(source.delivered <= 100_001, "read " + source.delivered);
    }

    @Test
    void aBodyAlreadyReadPastTheLimitIsLeftAlone() throws IOException {
        CountingSource source = new CountingSource(new byte[300_000]);
        RequestBody body = new RequestBody(source, 1_000);
        body.readNBytes(2_000);
        assertFalse(body.discardRest());
        assertEquals(2_000, source.delivered);
    }

    private static final class CountingSource extends InputStream {
        private final ByteArrayInputStream in;
        private long delivered;

        CountingSource(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            int b = in.read();
            delivered += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = in.read(buffer, offset, length);
            delivered += Math.max(n, 0);
            return n;
        }
    }
}
