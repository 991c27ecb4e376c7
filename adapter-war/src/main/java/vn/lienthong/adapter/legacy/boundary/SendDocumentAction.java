package vn.lienthong.adapter.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;
import vn.lienthong.adapter.legacy.control.LegacyRecall;
import vn.lienthong.adapter.legacy.control.LegacySubmissions;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.MappedMessage;

/**
 * SendDocument (spec §6.1): a new document, an update or a replacement goes through the submission pipeline; a
 * recall (business type 1) through RecallService. Either way the answer is the numeric id the hub gave.
 */
@ApplicationScoped
public class SendDocumentAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "SendDocument";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        CallerIdentity caller = access.authenticate(call, call.envelope.keyInfo(), LegacyCodes.CHECK_SIGNATURE);
        MappedMessage mapped = EdocMappings.v1().mapSendDocument(call.envelope.header());
        call.detail = "mapping=" + mapped.mapping() + "; parts=" + call.message.parts().size()
                + "; traceOrganIds=" + mapped.traceOrganIds() + "; businessType=" + mapped.businessType();
        if (mapped.businessType() == 1) {
            return recall(call, caller, LegacySubmissions.toRecall(mapped));
        }
        var submission = LegacySubmissions.toSubmission(mapped, call.envelope.manifest(), call.message.parts());
        access.authorise(call, caller, OrganisationAuthority.named("MessageHeader/From/OrganId",
                submission.fromOrganId()));
        long id = exchange.send(caller, submission);
        call.detail = call.detail + "; documentId=" + submission.documentId() + "; number=" + id;
        return LegacyReply.of(call.replies.sendDocumentAccepted(id));
    }

    /** Business type 1: RecallService re-issues the stored original, so parts sent along are not used. */
    private LegacyReply recall(LegacyCall call, CallerIdentity caller, LegacyRecall recall) {
        access.authorise(call, caller, OrganisationAuthority.named("MessageHeader/From/OrganId", recall.fromOrganId()));
        call.scope = recall.scope();
        var done = exchange.recall(caller, recall);
        call.detail = call.detail + "; recall of " + done.documentId() + ": " + done.outcome()
                + "; number=" + done.number();
        // The hub answered every accepted SendDocument with a numeric id: a recall names the original's.
        return LegacyReply.of(call.replies.sendDocumentAccepted(done.number()));
    }
}
