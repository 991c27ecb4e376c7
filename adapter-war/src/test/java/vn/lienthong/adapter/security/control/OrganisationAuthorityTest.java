package vn.lienthong.adapter.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.security.control.OrganisationAuthority.named;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/** The one authorisation rule: own credentials, delegated (token) credentials and their grantors, token issue. */
class OrganisationAuthorityTest {

    private static final String G22 = "000.00.00.G22";
    private static final String G23 = "000.00.00.G23";
    private static final String H49 = "000.00.00.H49";
    private static final String BY_CLERK = ClientCredential.CREDENTIAL_GRANTOR + "clerk";

    private final TestCredentials store = new TestCredentials().own("clerk", G22, G23);
    private final OrganisationAuthority authority = store.authority;
    private final CallerIdentity clerk = new CallerIdentity("clerk", null, "192.0.2.7");

    @Test
    void aCredentialActsForItsOrganisationsOnly() {
        assertDoesNotThrow(() -> authority.require(clerk, "SubmitDocument", named("document/fromOrganId", G22),
                named("organId", G23), named("unused", null)));
        Rejection r = assertThrows(Rejection.class, () -> authority.require(clerk, "SubmitDocument",
                named("document/fromOrganId", G22), named("x/organId", H49)));
        assertEquals("AUTH.ORGANISATION", r.code());
        assertEquals("x/organId", r.field());
        assertEquals(1, store.authorisationRefusals().size());
        String entry = store.authorisationRefusals().get(0);
        assertTrue(entry.startsWith("clerk AUTHORISATION " + H49 + " REFUSED AUTH.ORGANISATION"), entry);
        for (String part : List.of("face=WS", "operation=SubmitDocument", "organisations=[" + G22 + ", " + H49 + "]",
                "refused=" + H49, "reason=not among the credential's organisations", "client=192.0.2.7")) {
            assertTrue(entry.contains(part), part + " in " + entry);
        }
    }

    @Test
    void unknownAndDisabledCallersActForNobody() {
        assertThrows(Rejection.class, () -> authority.require(new CallerIdentity("nobody", null), "X", named("f", G22)));
        assertThrows(Rejection.class, () -> authority.require(null, "X", named("f", G22)));
        assertFalse(authority.mayActFor(null, G22));
    }

    @Test
    void aTokenGrantedByTheAdminActsForWhatTheAdminGranted() {
        store.delegated("legacy:" + G22, ClientCredential.ADMIN_GRANTOR, G22, H49);
        CallerIdentity token = new CallerIdentity("legacy:" + G22, null);
        assertDoesNotThrow(() -> authority.require(token, "SendDocument", named("OrganId", G22),
                named("From", H49)));
    }

    @Test
    void aTokenGrantedByAClientWithinItsOrganisationsWorks() {
        store.delegated("legacy:" + G22, BY_CLERK, G22, G23);
        assertTrue(authority.mayActFor(new CallerIdentity("legacy:" + G22, null), G23));
    }

    /** The attack of issue 9: a client granted a token more than it may act for; that token works for nothing. */
    @Test
    void aTokenWhoseGrantExceedsItsGrantorsOrganisationsWorksForNothing() {
        store.delegated("legacy:" + G22, BY_CLERK, G22, H49);
        CallerIdentity token = new CallerIdentity("legacy:" + G22, null, "198.51.100.1");
        assertFalse(authority.mayActFor(token, H49));
        assertFalse(authority.mayActFor(token, G22), "not even for its own organisation");
        Rejection r = assertThrows(Rejection.class, () -> authority.require(token, "GetPendingDocumentIds",
                named("OrganId", G22)));
        assertEquals("AUTH.ORGANISATION", r.code());
        String entry = store.authorisationRefusals().get(0);
        assertTrue(entry.contains("face=LEGACY") && entry.contains("exceeds what it may act for: [" + H49 + "]")
                && entry.contains("client=198.51.100.1"), entry);
    }

    @Test
    void aTokenDiesWithItsGrantorAndDelegationDoesNotChain() {
        store.delegated("legacy:" + G22, BY_CLERK, G22);
        store.remove("clerk");
        assertFalse(authority.mayActFor(new CallerIdentity("legacy:" + G22, null), G22), "grantor gone");

        store.own("clerk", G22).delegated("legacy:" + G23, ClientCredential.CREDENTIAL_GRANTOR + "legacy:" + G22, G23);
        store.delegated("legacy:" + G22, BY_CLERK, G22, G23);
        assertFalse(authority.mayActFor(new CallerIdentity("legacy:" + G23, null), G23), "a token cannot grant");
    }

    @Test
    void aClientGrantsOnlyOrganisationsItMayActFor() {
        assertDoesNotThrow(() -> authority.requireGrant(clerk, G22, List.of(G23)));
        Rejection r = assertThrows(Rejection.class, () -> authority.requireGrant(clerk, G22, List.of(G23, H49)));
        assertEquals("actFor", r.field());
        assertThrows(Rejection.class, () -> authority.requireGrant(clerk, H49, List.of()));
        assertEquals(2, store.authorisationRefusals().size());
        assertTrue(store.authorisationRefusals().get(0).contains("face=TOKEN_ISSUE; operation=IssueToken"),
                store.authorisationRefusals().get(0));
    }

    /** Issue 11: the credential the request's authentication read decides; the store is not asked again. */
    @Test
    void theCredentialReadByTheRequestsAuthenticationDecidesWithoutAnotherRead() {
        ClientCredential read = store.find("clerk").orElseThrow();
        store.remove("clerk"); // a second read would now find nothing and refuse
        CallerIdentity withRead = clerk.withCredential(read);
        assertDoesNotThrow(() -> authority.require(withRead, "SubmitDocument", named("document/fromOrganId", G22)));
        assertTrue(authority.mayActFor(withRead, G23));
        Rejection r = assertThrows(Rejection.class, () -> authority.require(withRead, "SubmitDocument",
                named("document/fromOrganId", H49)));
        assertEquals("AUTH.ORGANISATION", r.code());
        assertEquals(1, store.authorisationRefusals().size(), "the refusal is audited as before");
        assertThrows(Rejection.class, () -> authority.require(clerk, "SubmitDocument",
                named("document/fromOrganId", G22)), "without it, the store is read (and knows no clerk now)");
    }

    @Test
    void aCredentialReadForAnotherUserIsNeverUsed() {
        store.own("other", H49);
        CallerIdentity clerkCarryingOthers = clerk.withCredential(store.find("other").orElseThrow());
        assertTrue(clerkCarryingOthers.credentialRead().isEmpty());
        assertThrows(Rejection.class, () -> authority.require(clerkCarryingOthers, "SubmitDocument",
                named("document/fromOrganId", H49)), "decided on the clerk's own credential, read from the store");
        assertDoesNotThrow(() -> authority.require(clerkCarryingOthers, "SubmitDocument",
                named("document/fromOrganId", G22)));
    }

    @Test
    void aDisabledCredentialAsReadActsForNobody() throws Exception {
        ClientCredential read = store.find("clerk").orElseThrow();
        java.lang.reflect.Field enabled = ClientCredential.class.getDeclaredField("enabled");
        enabled.setAccessible(true);
        enabled.setBoolean(read, false);
        CallerIdentity withRead = clerk.withCredential(read);
        assertThrows(Rejection.class, () -> authority.require(withRead, "SubmitDocument",
                named("document/fromOrganId", G22)));
        assertTrue(store.authorisationRefusals().get(0).contains("reason=credential disabled"),
                store.authorisationRefusals().toString());
        assertEquals(withRead, clerk, "identity is user, certificate and address; the credential rides along");
        assertFalse(withRead.toString().contains("not-a-hash"), "no password hash in a log line");
    }
}
