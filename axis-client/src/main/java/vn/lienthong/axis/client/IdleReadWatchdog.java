package vn.lienthong.axis.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for the next bytes of a response body. {@code HttpRequest.timeout} only covers the wait for the
 * response headers; a stalled body read would otherwise block a poller thread for ever. The HTTP client's body
 * stream waits on an interruptible queue and re-checks whether it was closed when interrupted, so the watchdog
 * closes the stream and interrupts the reading thread, and only while that thread is inside a read of it.
 */
final class IdleReadWatchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "axis-client-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final long idleNanos;

    IdleReadWatchdog(Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
    }

    InputStream guard(InputStream body) {
        return new GuardedStream(body);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class GuardedStream extends FilterInputStream {
        private final ScheduledFuture<?> check;
        private Thread reader;
        private long lastProgress = System.nanoTime();
        private boolean timedOut;

        GuardedStream(InputStream body) {
            super(body);
            long period = Math.max(TimeUnit.NANOSECONDS.toMillis(idleNanos) / 4, 10);
            this.check = timer.scheduleAtFixedRate(this::interruptIfIdle, period, period, TimeUnit.MILLISECONDS);
        }

        private synchronized void interruptIfIdle() {
            if (reader != null && System.nanoTime() - lastProgress > idleNanos) {
                timedOut = true;
                check.cancel(false);
                // The JDK body stream swallows an interrupt and goes back to waiting unless it is closed.
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is only a means to wake the reader
                }
                reader.interrupt();
            }
        }

        @Override
        public int read() throws IOException {
            enter();
            try {
                return super.read();
            } catch (IOException e) {
                throw translate(e);
            } finally {
                leave();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            enter();
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw translate(e);
            } finally {
                leave();
            }
        }

        private synchronized void enter() throws IOException {
            if (timedOut) {
                throw new HttpTimeoutException("response body stalled");
            }
            reader = Thread.currentThread();
        }

        private synchronized void leave() {
            reader = null;
            lastProgress = System.nanoTime();
            if (timedOut) {
                // The interrupt was meant for the read only; do not leak it into the caller's thread.
                Thread.interrupted();
            }
        }

        private synchronized IOException translate(IOException e) {
            if (timedOut) {
                HttpTimeoutException timeout = new HttpTimeoutException(
                        "no response bytes for " + Duration.ofNanos(idleNanos));
                timeout.initCause(e);
                return timeout;
            }
            return e;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }
}
