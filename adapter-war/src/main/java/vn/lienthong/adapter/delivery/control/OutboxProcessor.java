package vn.lienthong.adapter.delivery.control;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;
import vn.lienthong.axis.client.AxisException;

/**
 * Sends one queued document to the axis and records the outcome. The HTTP call happens outside any database
 * transaction; the outcome is written in a short transaction of its own.
 */
@Stateless
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AxisGateway axis;
    @Inject
    AdapterSettings settings;
    @Inject
    TransportLedger ledger;

    /** Ids of documents due for sending, urgent first (priority 4 … 0), then oldest first. */
    public List<String> due(int max) {
        return em.createNamedQuery(Document.DUE_FOR_SENDING, Document.class)
                .setParameter("now", VietnamTime.now())
                .setMaxResults(max)
                .getResultList().stream().map(Document::getId).toList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void send(String id) {
        Document d = em.find(Document.class, id);
        if (d == null || d.getState() != DocumentState.QUEUED) {
            return;
        }
        List<String> to = d.getRecipients().stream().map(Recipient::getOrganId).toList();
        try {
            String axisDocId = axis.sendDocument(d.getSenderOrganId(), to,
                    settings.dataDir().resolve(Path.of(d.getPackagePath())));
            ledger.record(id, axisDocId, null, false);
        } catch (AxisException e) {
            ledger.record(id, null, e.getMessage(), !e.isRetryable());
        } catch (RuntimeException e) {
            // Configuration or local I/O problem: keep the document queued and say why in its history.
            ledger.record(id, null, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }
}
