package vn.lienthong.adapter.retention.control;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.retention.entity.ArchiveRecord;
import vn.lienthong.adapter.retention.entity.RetentionReport;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.edxml.sign.SigningCredentials;

/**
 * Runs the retention job with the container's transactions, the adapter's signing key ({@code adapter.p12}) and
 * the audit key; used by the schedule and by {@code POST /admin/retention}. Outside any transaction itself: the job
 * commits step by step, and writing an archive may take longer than a transaction should.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionService {

    /** One run at a time on this node (the lease keeps other nodes out). */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    @Inject
    RetentionTransactions transactions;
    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;
    @Inject
    AuditKey auditKey;

    public RetentionReport runNow() {
        if (!settings.retention().enabled()) {
            return new RetentionReport("OFF", null, List.of(), 0, 0, "adapter.retention.months is 0");
        }
        if (!RUNNING.compareAndSet(false, true)) {
            return new RetentionReport("BUSY", null, List.of(), 0, 0, "the retention job is running on this node");
        }
        try {
            SigningCredentials signer = new SigningCredentials(keys.signingKey(), List.of(keys.signingChain()));
            return new RetentionJob(transactions, settings.retention(), settings.dataDir(), signer, auditKey.get(),
                    settings.nodeId(), VietnamTime::now).run(VietnamTime.now());
        } finally {
            RUNNING.set(false);
        }
    }

    public List<ArchiveRecord> archives(int limit) {
        return transactions.inNew(em -> new ArchiveTable(em).newest(limit));
    }
}
