package vn.lienthong.adapter.alerting.control;

import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;

/** One alert rule: every subject for which its condition holds now (switches and thresholds applied). */
public interface Rule {

    AlertRule rule();

    List<Finding> findings(RuleContext ctx);

    /** The rules of issue 13, in the order they are evaluated. */
    static List<Rule> all() {
        return List.of(new SentWithoutStatusRule(AlertRule.NO_ARRIVAL), new SentWithoutStatusRule(AlertRule.NO_RECEIPT),
                new PastDeadlineRule(), new DeadDocumentRule(), new AxisOutageRule(), new UncollectedInboxRule(),
                new FeedbackOverdueRule(), new KeyExpiryRule(), new AuditChainRule(), new DiskSpaceRule(),
                new UnsignedReceivedRule()); // issue 14
    }
}
