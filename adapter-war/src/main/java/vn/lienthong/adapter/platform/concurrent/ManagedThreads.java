package vn.lienthong.adapter.platform.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * Names the threads of a container {@link ManagedThreadFactory} after their job ({@code lienthong-outbox-send-3}),
 * so thread dumps and profiles say which loop a thread serves. The threads stay the container's: they carry the
 * application's context (JNDI, class loader), may call EJBs and open transactions, and the server knows them.
 * Work loops that must not wait for each other (outbox rounds, sending, receiving) each get their own executor on
 * such threads instead of sharing the server's default scheduler, which runs one task at a time.
 */
public final class ManagedThreads {

    private ManagedThreads() {
    }

    public static ThreadFactory named(ManagedThreadFactory factory, String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = factory.newThread(task);
            thread.setName(name + "-" + count.incrementAndGet());
            return thread;
        };
    }
}
