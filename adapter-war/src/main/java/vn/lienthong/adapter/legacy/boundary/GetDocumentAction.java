package vn.lienthong.adapter.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;

/** GetDocument (spec §6.3): a received document as the hub's edXML message, its files as SwA parts. */
@ApplicationScoped
public class GetDocumentAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "GetDocument";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
        var document = exchange.open(call.organId, call.documentNumber());
        return new LegacyReply(call.replies.document(document), document.files());
    }
}
