package vn.lienthong.adapter.legacy.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyRecall;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.mappings.edoc.EdocMappings;

/**
 * UpdateTraces (spec §6.5): a status about a received document goes back to its sender; status 13 from the
 * original sender (take-back, QCVN 102 §7.2) takes the RecallService path instead.
 */
@ApplicationScoped
public class UpdateTracesAction implements LegacyAction {

    /** QCVN 102 status 13: the original sender asks to take the document back (edxml-qcvn102.md §7.2, §8). */
    private static final String TAKE_BACK = "13";

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "UpdateTraces";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        CallerIdentity caller = access.authenticate(call, call.envelope.keyInfo(), LegacyCodes.CHECK_SIGNATURE);
        var update = StatusReader.read(call.envelope);
        if (update.fromOrganId() == null) {
            throw new LegacyFault("N.Status.From.OrganId", "Status/From/OrganId is required");
        }
        access.authorise(call, caller, OrganisationAuthority.named("Status/From/OrganId", update.fromOrganId()));
        call.detail = "status " + update.statusCode() + " for " + update.documentId();
        if (TAKE_BACK.equals(EdocMappings.v1().statusToQcvn(update.statusCode()).orElse(null))) {
            call.scope = LegacyRecall.BY_TAKE_BACK;
            var done = exchange.takeBack(caller, update);
            call.detail = call.detail + "; take-back of " + done.documentId() + ": " + done.outcome();
        } else {
            exchange.updateTrace(update.fromOrganId(), update);
        }
        return LegacyReply.of(call.replies.report("UpdateTracesResponse", List.of()));
    }
}
