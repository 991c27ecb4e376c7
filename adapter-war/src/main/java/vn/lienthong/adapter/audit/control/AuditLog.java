package vn.lienthong.adapter.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Writes audit entries in their own transaction, so a refused request leaves its trace even though the
 * request's own work is rolled back.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String actor, String action, String organId, String outcome, String code, String detail) {
        em.persist(new AuditEntry(VietnamTime.now(), cut(actor, 100), action, cut(organId, 35), outcome,
                cut(code, 100), cut(detail, 1000)));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
