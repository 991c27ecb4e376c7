package vn.lienthong.adapter.directory.control;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.directory.entity.Organisation;

/** Reads the synchronised agency directory and translates between old (QCVN 102) and new (QD 20) codes. */
@Stateless
public class Directory {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    /** Entries whose code, old code or name contains {@code text} (case-insensitive); at most {@code max}. */
    public List<Organisation> search(String text, int max) {
        String like = "%" + (text == null ? "" : text.toLowerCase()) + "%";
        return em.createQuery("SELECT o FROM Organisation o WHERE LOWER(o.code) LIKE :t OR LOWER(o.oldCode) LIKE :t"
                        + " OR LOWER(o.name) LIKE :t ORDER BY o.code", Organisation.class)
                .setParameter("t", like).setMaxResults(max).getResultList();
    }

    /** The QD 20/2020 code of an organisation known by its QCVN 102 code. */
    public Optional<String> newCodeOf(String qcvn102Code) {
        return em.createQuery("SELECT o.code FROM Organisation o WHERE o.source = 'AXIS_QD20' AND o.oldCode = :c",
                        String.class).setParameter("c", qcvn102Code).setMaxResults(1).getResultList().stream()
                .findFirst();
    }

    /** The QCVN 102 code of an organisation known by its QD 20/2020 code. */
    public Optional<String> oldCodeOf(String qd20Code) {
        return em.createQuery("SELECT o.oldCode FROM Organisation o WHERE o.source = 'AXIS_QD20' AND o.code = :c",
                        String.class).setParameter("c", qd20Code).setMaxResults(1).getResultList().stream()
                .filter(c -> c != null).findFirst();
    }
}
