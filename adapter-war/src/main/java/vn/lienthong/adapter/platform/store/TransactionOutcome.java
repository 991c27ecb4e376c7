package vn.lienthong.adapter.platform.store;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait for the current JTA transaction's outcome: a wake-up or a count once the data is visible to
 * others (after the commit), a clean-up of files written for data that was never stored (after a rollback).
 */
public final class TransactionOutcome {

    private TransactionOutcome() {
    }

    /** Runs {@code action} after the current transaction commits; never if it rolls back. */
    public static void afterCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
        register(transactions, true, action);
    }

    /** Runs {@code action} after the current transaction ends without committing. */
    public static void afterRollback(TransactionSynchronizationRegistry transactions, Runnable action) {
        register(transactions, false, action);
    }

    private static void register(TransactionSynchronizationRegistry transactions, boolean onCommit, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare: the action depends on the outcome only
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    action.run();
                }
            }
        });
    }
}
