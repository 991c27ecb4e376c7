package vn.lienthong.adapter.delivery.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit (issue 11): steps that concurrent threads each need committed before they go on share one
 * transaction. A thread hands in its step and waits; the first waiting thread while no commit is under way runs
 * every step handed in so far (up to {@code max}) in one transaction and wakes the threads whose steps it ran.
 * Alone, a step is its own transaction as before; under load, one commit serves several sender threads.
 *
 * <p>Each step still returns only once its transaction has committed, so what a thread does next (the axis call
 * after the send mark) happens exactly as late as before. If the shared transaction fails, each of its steps runs
 * again in a transaction of its own (the failed one rolled back entirely), so a failure reaches only the thread
 * whose step caused it, as it did before. No container dependency: unit-tested with its own runner.
 *
 * @param <S> a step
 */
public final class GroupCommit<S> {

    /** How steps are committed: together in one transaction, or one alone in its own. */
    public interface Runner<S> {
        /** Runs all {@code steps} in one transaction, in order; their results in order. Throws to roll all back. */
        List<Object> together(List<S> steps);

        /** Runs one step in a transaction of its own. */
        Object alone(S step);
    }

    private static final class Pending<S> {
        final S step;
        boolean done;
        Object result;
        RuntimeException failure;

        Pending(S step) {
            this.step = step;
        }
    }

    private final Runner<S> runner;
    private final int max;
    private final Object lock = new Object();
    private final ArrayDeque<Pending<S>> waiting = new ArrayDeque<>();
    private boolean committing;
    private long transactions;
    private long steps;

    public GroupCommit(Runner<S> runner, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.runner = runner;
        this.max = max;
    }

    /** Runs {@code step} in a committed transaction (possibly shared) and returns its result, or throws its failure. */
    public Object commit(S step) {
        Pending<S> mine = new Pending<>(step);
        boolean interrupted = false;
        try {
            synchronized (lock) {
                waiting.add(mine);
            }
            while (true) {
                List<Pending<S>> batch;
                synchronized (lock) {
                    while (!mine.done && committing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // a commit under way ends soon; the step must not be abandoned
                        }
                    }
                    if (mine.done) {
                        if (mine.failure != null) {
                            throw mine.failure;
                        }
                        return mine.result;
                    }
                    committing = true;
                    batch = new ArrayList<>(Math.min(max, waiting.size()));
                    while (batch.size() < max && !waiting.isEmpty()) {
                        batch.add(waiting.poll());
                    }
                }
                run(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(List<Pending<S>> batch) {
        Object[] results = new Object[batch.size()];
        RuntimeException[] failures = new RuntimeException[batch.size()];
        try {
            if (batch.size() == 1) {
                try {
                    results[0] = runner.alone(batch.get(0).step);
                } catch (RuntimeException e) {
                    failures[0] = e;
                }
            } else {
                runTogether(batch, results, failures);
            }
        } finally {
            synchronized (lock) {
                for (int i = 0; i < batch.size(); i++) {
                    Pending<S> p = batch.get(i);
                    p.result = results[i];
                    p.failure = failures[i];
                    p.done = true;
                }
                transactions++;
                steps += batch.size();
                committing = false;
                lock.notifyAll();
            }
        }
    }

    private void runTogether(List<Pending<S>> batch, Object[] results, RuntimeException[] failures) {
        List<Object> together = null;
        try {
            together = runner.together(batch.stream().map(p -> p.step).toList());
        } catch (RuntimeException e) {
            together = null; // rolled back as a whole: each step again on its own, below
        }
        for (int i = 0; i < batch.size(); i++) {
            if (together != null) {
                results[i] = together.get(i);
                continue;
            }
            try {
                results[i] = runner.alone(batch.get(i).step);
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        }
    }

    /** Steps handed in and not yet taken into a transaction. */
    int waitingSteps() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Steps committed per transaction so far (1.0 when nothing was ever shared). */
    public double stepsPerTransaction() {
        synchronized (lock) {
            return transactions == 0 ? 0 : (double) steps / transactions;
        }
    }
}
