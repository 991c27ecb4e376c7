package vn.lienthong.adapter.signatures.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.concurrent.ManagedThreads;

/**
 * Verifies queued documents on a thread of its own ({@code lienthong-signatures-1}), after the transaction that
 * accepted or filed them has committed: acceptance and reception never wait for it. Woken at each commit, else
 * every {@code adapter.signatures.interval-ms} (other nodes' documents, claims left by a dead node). Per document:
 * claim (short transaction), verify the files with no transaction open, settle (short transaction).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignatureWorker {

    private static final Logger LOG = Logger.getLogger(SignatureWorker.class.getName());
    private static final int BATCH = 20;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    AdapterSettings settings;
    @Inject
    SignatureRecords records;
    @Inject
    DocumentVerification verification;
    @Inject
    VerificationSignal signal;

    private ExecutorService loop;
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (!settings.signatures().enabled()) {
            LOG.info("Document signatures are not verified (adapter.signatures.enabled=false)");
            return;
        }
        running = true;
        loop = Executors.newSingleThreadExecutor(ManagedThreads.named(threads, "lienthong-signatures"));
        loop.submit(this::run);
    }

    private void run() {
        while (running) {
            try {
                if (round() == 0) {
                    signal.await(settings.signatures().interval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Document signature round failed; will retry", e);
                try {
                    signal.await(settings.signatures().interval());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One batch; returns how many documents were settled. The batch's plans are read in one transaction and its
     * verdicts stored together in one more (issue 11: two transactions per document were most of the verifier's
     * cost); if storing them together fails, one by one.
     */
    int round() {
        List<String> mine = records.claim(BATCH);
        if (mine.isEmpty()) {
            return 0;
        }
        List<SignatureRecords.Settlement> found = new ArrayList<>();
        for (SignatureRecords.Plan plan : records.plans(mine)) {
            if (!running) {
                break;
            }
            List<Findings.Examined> examined = verification.examine(plan);
            found.add(new SignatureRecords.Settlement(plan, examined,
                    verification.policyNote(plan, examined).orElse(null)));
        }
        if (found.size() > 1) {
            try {
                records.settleAll(found);
                return found.size();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Settling " + found.size() + " documents together failed; one by one", e);
            }
        }
        for (SignatureRecords.Settlement s : found) {
            records.settle(s.plan(), s.examined(), s.policyNote());
        }
        return found.size();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
        }
    }
}
