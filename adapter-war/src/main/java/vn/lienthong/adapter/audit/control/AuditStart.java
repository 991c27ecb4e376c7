package vn.lienthong.adapter.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Audits every start of a node. Besides saying when each node came up (and with which audit key), the entry
 * seals the chain's head with the key right away — also on a database whose entries predate keying — so that
 * from the first start on, a head without a MAC can only mean a chain rewritten without the key (the entry is
 * linked synchronously, after whatever a killed predecessor left pending: see {@link AuditChainer}).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "AuditChainer"})
public class AuditStart {

    @Inject
    AuditLog audit;
    @Inject
    AuditKey key;
    @Inject
    AdapterSettings settings;
    @Inject
    AuditChainer chainer;

    @PostConstruct
    void started() {
        audit.record("system", "ADAPTER_START", null, "STARTED", null,
                "node " + settings.nodeId() + ", audit key id " + key.get().id());
        chainer.linkAll(); // seal the head now, not a moment later
    }
}
