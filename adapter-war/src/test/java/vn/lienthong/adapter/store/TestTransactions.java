package vn.lienthong.adapter.store;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Transactions by hand for store tests outside the container (resource-local, see {@link TestStores}): what the
 * container does around each business call — begin, commit when the work returns, roll back when it throws
 * (an assertion error too, so the next test does not find a transaction left open).
 */
public final class TestTransactions {

    private TestTransactions() {
    }

    /** {@code work} in one transaction on a new entity manager of {@code emf}, closed afterwards either way. */
    public static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return inTransaction(em, () -> work.apply(em));
        } finally {
            em.close();
        }
    }

    /** {@link #inTransaction(EntityManagerFactory, Function)} for work without a result. */
    public static void runInTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        inTransaction(emf, em -> {
            work.accept(em);
            return null;
        });
    }

    /** {@code work} in one transaction on the test's own {@code em}, which stays open. */
    public static <T> T inTransaction(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    /** {@link #inTransaction(EntityManager, Supplier)} for work without a result. */
    public static void runInTransaction(EntityManager em, Runnable work) {
        inTransaction(em, () -> {
            work.run();
            return null;
        });
    }
}
