package vn.lienthong.adapter.alerting.control;

import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.delivery.control.BreakerState;
import vn.lienthong.adapter.delivery.control.BreakerTable;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * The axis has been unreachable or refusing for N minutes: the shared breaker ({@code axis_breaker}) is OPEN or
 * HALF_OPEN and its outage began that long ago. Cleared when the breaker closes (a send succeeded). The breaker's
 * own {@code ALERT:}/{@code RESOLVED:} log lines stay.
 */
final class AxisOutageRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.AXIS_OUTAGE;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        var setting = ctx.setting(rule(), null);
        BreakerState state = new BreakerTable(ctx.em(), ctx.axisEndpoint()).read();
        if (!setting.enabled() || state.phase() == BreakerState.Phase.CLOSED || state.openedAt() == null
                || state.openedAt().isAfter(ctx.now().minus(ctx.threshold(rule(), null)))) {
            return List.of();
        }
        String since = VietnamTime.iso(state.openedAt());
        return List.of(new Finding(rule(), ctx.axisEndpoint(), null,
                "Trục liên thông " + ctx.axisEndpoint() + " không kết nối được hoặc từ chối từ " + since
                        + " (hơn " + ctx.thresholdTextVi(rule(), null) + "); văn bản đi đang chờ.",
                "The axis " + ctx.axisEndpoint() + " has been unreachable or refusing since " + since
                        + " (over " + ctx.thresholdText(rule(), null) + "); outgoing documents wait."));
    }
}
