package vn.lienthong.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** During a soak: heap in use, resident memory and database size printed at a fixed interval (growth shows drift). */
final class Sampler {

    private final Thread thread;

    private Sampler(Thread thread) {
        this.thread = thread;
    }

    static Sampler start(ProcessProbe server, Path db, Duration every) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    System.out.printf("soak sample %s heap used %d KiB, RSS %d KiB, db %d KiB, load %s%n",
                            Instant.now(), server.heapUsedKib(false), server.rssKib(),
                            ProcessProbe.sizeOf(db) / 1024, LoadRun.loadAverage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-sampler");
        t.setDaemon(true);
        t.start();
        return new Sampler(t);
    }

    void stop() {
        thread.interrupt();
    }
}
