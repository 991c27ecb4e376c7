package vn.lienthong.adapter.security.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.store.SchemaMigrations;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Refuses a WS-Security request whose UsernameToken (nonce + created) or signature value was already accepted while
 * still fresh — on any node sharing this database. Each mark is kept until its timestamp could no longer be
 * accepted anyway (timestamp TTL + clock skew), then purged by {@link ReplayMarkPurge}; at most
 * {@code adapter.ws.replay-cap} marks are kept.
 */
@Stateless
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class.getName());

    public enum Outcome {
        FIRST_USE, REPLAY, STORE_FULL
    }

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;
    @Resource
    SessionContext context;
    @Inject
    AdapterSettings settings;
    @Inject
    ReplayMarkPurge purge;

    /** Records {@code parts} (hashed into one key) as used until {@code expiresAt}, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome firstUse(OffsetDateTime expiresAt, String... parts) {
        if (purge.lastCount() >= settings.wsReplayCap()) {
            return Outcome.STORE_FULL;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean first = new ReplayMarks(c).firstUse(ReplayMarks.key(parts), expiresAt);
            if (!first) {
                context.setRollbackOnly(); // PostgreSQL: a refused insert leaves the transaction unusable
            }
            return first ? Outcome.FIRST_USE : Outcome.REPLAY;
        } catch (SQLException e) {
            throw new EJBException("Replay marks unavailable", e);
        }
    }

    /** Deletes expired marks; returns how many remain. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long purgeExpired() {
        try (Connection c = dataSource.getConnection()) {
            ReplayMarks marks = new ReplayMarks(c);
            int purged = marks.purgeExpired(VietnamTime.now());
            long left = marks.count();
            if (purged > 0) {
                LOG.fine(() -> "Replay marks purged: " + purged + ", kept: " + left);
            }
            return left;
        } catch (SQLException e) {
            throw new EJBException("Replay marks unavailable", e);
        }
    }
}
