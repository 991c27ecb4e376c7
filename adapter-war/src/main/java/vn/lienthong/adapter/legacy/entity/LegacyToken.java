package vn.lienthong.adapter.legacy.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import vn.lienthong.adapter.platform.io.Sha256;

/**
 * An organisation's old-protocol token, stored only as a salted SHA-256 (spec legacy-edoc-soap.md §13 item 3).
 * Compared in constant time. Rotation: issuing a new token revokes the previous ones.
 */
@Entity
@Table(name = "legacy_token")
@NamedQuery(name = LegacyToken.ACTIVE, query = "SELECT t FROM LegacyToken t WHERE t.organId = :organ AND t.enabled = TRUE")
public class LegacyToken {

    public static final String ACTIVE = "LegacyToken.active";

    @Id
    private String id;
    @Column(name = "organ_id")
    private String organId;
    @Column(name = "token_salt")
    private String tokenSalt;
    @Column(name = "token_hash")
    private String tokenHash;
    private boolean enabled;
    @Column(name = "issued_by")
    private String issuedBy;
    @Column(name = "issued_at")
    private OffsetDateTime issuedAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected LegacyToken() {
        // for JPA
    }

    public LegacyToken(String organId, String token, byte[] salt, String issuedBy, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.organId = organId;
        this.tokenSalt = Base64.getEncoder().encodeToString(salt);
        this.tokenHash = hash(salt, token);
        this.enabled = true;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    public boolean matches(String token) {
        if (!enabled || token == null) {
            return false;
        }
        byte[] expected = tokenHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(Base64.getDecoder().decode(tokenSalt), token).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    public void revoke(OffsetDateTime now) {
        enabled = false;
        revokedAt = now;
    }

    public String getId() { return id; }
    public String getOrganId() { return organId; }
    public boolean isEnabled() { return enabled; }
    public String getIssuedBy() { return issuedBy; }
    public OffsetDateTime getIssuedAt() { return issuedAt; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }

    private static String hash(byte[] salt, String token) {
        MessageDigest sha = Sha256.digest();
        sha.update(salt);
        sha.update(token.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(sha);
    }
}
