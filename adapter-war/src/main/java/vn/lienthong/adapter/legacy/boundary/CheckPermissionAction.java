package vn.lienthong.adapter.legacy.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;

/** CheckPermission (spec §6.7): only the credential in the Header is checked; the Body is not read. */
@ApplicationScoped
public class CheckPermissionAction implements LegacyAction {

    @Inject
    LegacyAccess access;

    @Override
    public String name() {
        return "CheckPermission";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.checkPermissionHeader(), LegacyCodes.CHECK_PERMISSION);
        return LegacyReply.of(call.replies.report("CheckPermissionResponse", List.of()));
    }
}
