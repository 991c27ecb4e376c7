package vn.lienthong.axis.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The switchboard of active faults; rules with a count wear out as they are used. Thread-safe. */
public final class FaultInjector {

    private static final class Active {
        final FaultRule rule;
        int remaining;

        Active(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.times();
        }
    }

    private final List<Active> active = new ArrayList<>();

    public synchronized void add(FaultRule rule) {
        active.add(new Active(rule));
    }

    public synchronized void clear() {
        active.clear();
    }

    public synchronized List<FaultRule> rules() {
        return active.stream().map(a -> a.rule).toList();
    }

    /** Takes one use of the first rule of this mode that matches the operation, if any. */
    public synchronized Optional<FaultRule> take(FaultMode mode, String operation) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (a.rule.mode() == mode && a.rule.appliesTo(operation)) {
                if (a.remaining > 0 && --a.remaining == 0) {
                    it.remove();
                }
                return Optional.of(a.rule);
            }
        }
        return Optional.empty();
    }
}
