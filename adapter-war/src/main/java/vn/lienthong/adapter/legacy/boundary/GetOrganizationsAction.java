package vn.lienthong.adapter.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyDirectory;

/** GetOrganizations (spec §6.8): the directory of organisations, in the hub's form. */
@ApplicationScoped
public class GetOrganizationsAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyDirectory directory;

    @Override
    public String name() {
        return "GetOrganizations";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
        return LegacyReply.of(call.replies.organisations(directory.organisations()));
    }
}
