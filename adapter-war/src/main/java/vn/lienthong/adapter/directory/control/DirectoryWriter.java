package vn.lienthong.adapter.directory.control;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.directory.entity.Organisation;
import vn.lienthong.adapter.platform.time.VietnamTime;

/** Writes one batch of directory entries in its own transaction (insert new codes, update known ones). */
@Stateless
public class DirectoryWriter {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public record Entry(Organisation.Source source, String code, String oldCode, String name, String parent,
            String mail) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void upsert(List<Entry> batch) {
        var now = VietnamTime.now();
        Map<String, Organisation> known = em.createQuery(
                        "SELECT o FROM Organisation o WHERE o.source = :s AND o.code IN :codes", Organisation.class)
                .setParameter("s", batch.get(0).source().name())
                .setParameter("codes", batch.stream().map(Entry::code).distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(Organisation::getCode, Function.identity()));
        for (Entry e : batch) {
            Organisation o = known.get(e.code());
            if (o == null) {
                o = new Organisation(e.source(), e.code(), now);
                em.persist(o);
                known.put(e.code(), o);
            }
            o.update(blank(e.oldCode()), e.name(), e.parent(), e.mail(), now);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
