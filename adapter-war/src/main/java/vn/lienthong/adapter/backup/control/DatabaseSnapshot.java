package vn.lienthong.adapter.backup.control;

import java.nio.file.Path;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * H2's online backup in its own short transaction: {@code BACKUP TO} writes a zip of the database files that is
 * consistent (MVCC) while writers go on. The file copies that follow run outside any transaction, so a large
 * data folder cannot run into the transaction timeout.
 */
@Stateless
public class DatabaseSnapshot {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public void h2BackupTo(Path zip) {
        // BACKUP takes no parameter: the path is quoted as an SQL string literal (it comes from our settings).
        String target = zip.toAbsolutePath().toString().replace("'", "''");
        em.createNativeQuery("BACKUP TO '" + target + "'").executeUpdate();
    }
}
