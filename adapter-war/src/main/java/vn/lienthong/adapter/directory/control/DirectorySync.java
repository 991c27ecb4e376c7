package vn.lienthong.adapter.directory.control;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.delivery.control.AxisGateway;
import vn.lienthong.adapter.directory.entity.Organisation;
import vn.lienthong.axis.client.AxisException;

/**
 * Copies the axis agency directory (QCVN 102 list with old codes, QD 20 list with QCVN 102 codes) into the store,
 * streamed and written in batches: the real list has over 100,000 entries.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());
    private static final int BATCH = 500;

    @Inject
    AxisGateway axis;
    @Inject
    DirectoryWriter writer;

    public void synchronise() {
        try {
            List<DirectoryWriter.Entry> batch = new ArrayList<>(BATCH);
            long axisCount = axis.agencies(a -> add(batch, new DirectoryWriter.Entry(Organisation.Source.AXIS,
                    a.code(), a.oldCode(), a.name(), null, a.mail())));
            flush(batch);
            long qd20Count = axis.agenciesQd20(a -> add(batch, new DirectoryWriter.Entry(
                    Organisation.Source.AXIS_QD20, a.code(), a.code102(), a.name(), null, a.mail())));
            flush(batch);
            LOG.info(() -> "Agency directory synchronised: " + axisCount + " entries, " + qd20Count + " QD 20 entries");
        } catch (AxisException e) {
            LOG.warning(() -> "Agency directory not synchronised: " + e.getMessage());
        }
    }

    private void add(List<DirectoryWriter.Entry> batch, DirectoryWriter.Entry e) {
        if (e.code() == null || e.code().isBlank()) {
            return;
        }
        batch.add(e);
        if (batch.size() >= BATCH) {
            flush(batch);
        }
    }

    private void flush(List<DirectoryWriter.Entry> batch) {
        if (!batch.isEmpty()) {
            writer.upsert(List.copyOf(batch));
            batch.clear();
        }
    }
}
