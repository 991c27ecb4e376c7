package vn.lienthong.adapter.legacy.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down token guessing (spec §13 item 3): after {@value #MAX_FAILURES} wrong tokens for one organisation
 * within {@link #WINDOW}, every attempt for it is refused until the window ends. Per node, in memory: an
 * attacker spreading over nodes gains a factor of the node count, nothing more.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public boolean locked(String organId) {
        Window w = windows.get(organId);
        return w != null && w.failures() >= MAX_FAILURES && Instant.now().isBefore(w.start().plus(WINDOW));
    }

    public void failed(String organId) {
        Instant now = Instant.now();
        windows.compute(organId, (k, w) -> w == null || now.isAfter(w.start().plus(WINDOW))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> now.isAfter(e.getValue().start().plus(WINDOW)));
        }
    }

    public void succeeded(String organId) {
        windows.remove(organId);
    }
}
