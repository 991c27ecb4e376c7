package vn.lienthong.adapter.security.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * Credentials in memory and an audit trail in a list, around the real {@link OrganisationAuthority}: for tests of
 * the authorisation rule and of the faces that call it (no database needed, nothing else reachable).
 */
public final class TestCredentials extends CredentialStore {

    private final Map<String, ClientCredential> byName = new HashMap<>();
    /** One line per audit entry: {@code actor action organ outcome code | detail}. */
    public final List<String> audited = new ArrayList<>();
    public final AuditLog audit = new AuditLog() {
        @Override
        public void record(String actor, String action, String organId, String outcome, String code, String detail) {
            audited.add(actor + " " + action + " " + organId + " " + outcome + " " + code + " | " + detail);
        }
    };
    public final OrganisationAuthority authority = new OrganisationAuthority();

    public TestCredentials() {
        authority.credentials = this;
        authority.audit = audit;
    }

    /** A credential of its own (created by the operator). */
    public TestCredentials own(String username, String... organIds) {
        byName.put(username, new ClientCredential(username, "not-a-hash", List.of(organIds), null, VietnamTime.now()));
        return this;
    }

    /** A delegated credential (an old-protocol token's), granted by {@code grantedBy}. */
    public TestCredentials delegated(String username, String grantedBy, String... organIds) {
        byName.put(username, ClientCredential.delegated(username, "legacy-token-only", List.of(organIds), grantedBy,
                VietnamTime.now()));
        return this;
    }

    public TestCredentials remove(String username) {
        byName.remove(username);
        return this;
    }

    @Override
    public Optional<ClientCredential> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }

    @Override
    public boolean authenticate(String username, char[] password) {
        throw new UnsupportedOperationException("not needed for authorisation");
    }

    /** The audit lines of refusals by the authorisation rule. */
    public List<String> authorisationRefusals() {
        return audited.stream().filter(l -> l.contains(" " + OrganisationAuthority.AUDIT_ACTION + " ")).toList();
    }
}
