package vn.lienthong.adapter.operations.control;

/**
 * Hook for the {@code lienthong_open_alerts} gauge: how many alerts are open now. Until a bean implements it the
 * gauge reads 0. The alerting capability provides one (an {@code @ApplicationScoped} class implementing this
 * interface, e.g. counting its open-alert rows); {@link AdapterMetrics} picks it up through CDI, nothing else to
 * wire.
 */
public interface OpenAlerts {

    long count();
}
