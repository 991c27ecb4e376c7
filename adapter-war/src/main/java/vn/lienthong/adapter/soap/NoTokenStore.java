package vn.lienthong.adapter.soap;

import java.util.Collection;
import java.util.List;

import org.apache.cxf.ws.security.tokenstore.SecurityToken;
import org.apache.cxf.ws.security.tokenstore.TokenStore;

/**
 * The WS-Security token store of our endpoints: keeps nothing. Without one, CXF looks up (and, as the profile
 * showed, builds) an EHCache-backed store on every request, for what it needs only with tokens our profiles never
 * accept: secret keys of encrypted keys, derived keys, SecureConversation and SAML tokens, issued tokens. The
 * profiles here are UsernameToken + Timestamp (+ X.509 signature), and their replay protection is
 * {@code ReplayGuard} in the database every node shares (table {@code ws_replay_mark}), with WSS4J's own in-memory
 * replay caches switched off — so nothing is lost by storing nothing, and a store that holds nothing cannot grow.
 */
final class NoTokenStore implements TokenStore {

    static final NoTokenStore INSTANCE = new NoTokenStore();

    private NoTokenStore() {
    }

    @Override
    public void add(SecurityToken token) {
        // nothing is kept
    }

    @Override
    public void add(String identifier, SecurityToken token) {
        // nothing is kept
    }

    @Override
    public void remove(String identifier) {
        // nothing to remove
    }

    @Override
    public Collection<String> getTokenIdentifiers() {
        return List.of();
    }

    @Override
    public SecurityToken getToken(String identifier) {
        return null;
    }
}
