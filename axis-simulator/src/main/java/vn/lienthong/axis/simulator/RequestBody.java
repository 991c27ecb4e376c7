package vn.lienthong.axis.simulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body of an API call, counted, so that an answer given before the body was read (a refusal of
 * sendEdoc, a signature failure) can first read and discard the rest of it.
 *
 * <p>Why: HTTP/1.1 clients (the SDK's HttpURLConnection, java.net.http) write the whole body and keep the
 * connection for the next request. When the server answers and closes with body bytes still unread, the JDK
 * server drains at most 64 KB and then drops the connection without saying so: the client's next request on it is
 * cut off (and may be silently resent), and the unread bytes can turn the close into a reset that loses the
 * answer itself. So the simulator reads what the client still sends, up to {@code limit} bytes of body in total
 * (what it would accept as a package); beyond that it answers with {@code Connection: close}.
 */
final class RequestBody extends FilterInputStream {

    private final long limit;
    private long read;
    private boolean ended;

    RequestBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else {
            read += n;
        }
        return n;
    }

    /**
     * Reads and discards the rest of the body while the total stays within the limit.
     *
     * @return true when the body has been read to its end (the connection can serve another request)
     */
    boolean discardRest() {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (!ended && read <= limit) {
                read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - read));
            }
        } catch (IOException e) {
            return false;
        }
        return ended;
    }
}
