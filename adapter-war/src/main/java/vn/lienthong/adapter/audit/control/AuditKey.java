package vn.lienthong.adapter.audit.control;

import java.nio.file.Path;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * The audit chain's key, {@code <keys>/audit-key} ({@value ChainKey#FILE_NAME}), created on first use in demo
 * and production mode alike (it is ours, not issued by anyone). All nodes must share it (they share the data
 * folder). Read once; the file's content is never logged.
 */
@ApplicationScoped
public class AuditKey {

    private static final Logger LOG = Logger.getLogger(AuditKey.class.getName());

    @Inject
    AdapterSettings settings;

    private ChainKey key;

    public synchronized ChainKey get() {
        if (key == null) {
            Path file = settings.keysDir().resolve(ChainKey.FILE_NAME);
            key = ChainKey.loadOrCreate(file);
            LOG.info(() -> "Audit chain keyed with " + file + " (key id " + key.id() + ")");
        }
        return key;
    }
}
