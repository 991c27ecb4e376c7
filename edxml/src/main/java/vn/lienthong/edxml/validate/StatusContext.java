package vn.lienthong.edxml.validate;

import java.util.Set;

/**
 * What the adapter knows about the document a status package answers, needed for the who-may-send rules: the
 * original sender, its recipients, and which change requests are open (a take-back 13, a recall type 1 or an
 * update type 2 that 15/16 may answer).
 */
public record StatusContext(String documentId, String senderOrganId, Set<String> recipientOrganIds,
                            Set<ChangeRequest> openRequests) {

    public enum ChangeRequest { TAKE_BACK, RECALL, UPDATE }

    public StatusContext {
        recipientOrganIds = Set.copyOf(recipientOrganIds);
        openRequests = Set.copyOf(openRequests);
    }
}
