package vn.lienthong.adapter.retention.control;

import java.util.function.Function;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The container's side of {@link RetentionJob.Transactions}: each step in a transaction of its own. */
@Stateless
@LocalBean
public class RetentionTransactions implements RetentionJob.Transactions {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNew(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
