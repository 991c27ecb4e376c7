package vn.lienthong.adapter.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.alerting.control.AlertService;

/**
 * The {@code lienthong_open_alerts} gauge's source: alerts not yet resolved (acknowledged ones included — an
 * acknowledged alert is still a condition someone is working on). Metrics read alerting, never the reverse.
 */
@ApplicationScoped
public class AlertingOpenAlerts implements OpenAlerts {

    @Inject
    AlertService alerts;

    @Override
    public long count() {
        return alerts.countUnresolved();
    }
}
