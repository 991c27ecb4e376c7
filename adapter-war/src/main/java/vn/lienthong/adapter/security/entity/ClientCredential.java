package vn.lienthong.adapter.security.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A client's login: a salted password hash (never the password), the organisations it may act for, optionally the
 * subject of the certificate it must sign with, and — for a delegated credential (an old-protocol token's) — who
 * granted it ({@link #ADMIN_GRANTOR} or {@code credential:<username>}), so that the grant can be re-checked at every
 * use ({@code OrganisationAuthority}).
 */
@Entity
@Table(name = "client_credential")
public class ClientCredential {

    @Id
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "organ_ids")
    private String organIds;
    @Column(name = "certificate_subject")
    private String certificateSubject;
    private boolean enabled;
    @Column(name = "granted_by")
    private String grantedBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    /** {@link #getGrantedBy()} of a credential granted by the operator with the admin bearer token. */
    public static final String ADMIN_GRANTOR = "admin";
    /** Prefix of {@link #getGrantedBy()} naming the client credential that granted it. */
    public static final String CREDENTIAL_GRANTOR = "credential:";

    protected ClientCredential() {
        // for JPA
    }

    public ClientCredential(String username, String passwordHash, List<String> organIds, String certificateSubject,
            OffsetDateTime createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.organIds = String.join(",", organIds);
        this.certificateSubject = certificateSubject;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** A delegated credential: {@code grantedBy} is {@link #ADMIN_GRANTOR} or {@link #CREDENTIAL_GRANTOR} + user. */
    public static ClientCredential delegated(String username, String passwordHash, List<String> organIds,
            String grantedBy, OffsetDateTime createdAt) {
        if (grantedBy == null) {
            throw new IllegalArgumentException("A delegated credential names its grantor");
        }
        ClientCredential c = new ClientCredential(username, passwordHash, organIds, null, createdAt);
        c.grantedBy = grantedBy;
        return c;
    }

    /** Replaces the password hash by a stronger one of the same password (more PBKDF2 iterations). */
    public void rehash(String strongerHash) {
        this.passwordHash = strongerHash;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public List<String> getOrganIds() { return Arrays.asList(organIds.split(",")); }
    public String getCertificateSubject() { return certificateSubject; }
    public boolean isEnabled() { return enabled; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    /** Null for a credential of its own (created by the operator); else who granted it. */
    public String getGrantedBy() { return grantedBy; }
    public boolean isDelegated() { return grantedBy != null; }

    /**
     * Whether the list names {@code organId}. Not the whole rule: a delegated credential also depends on its
     * grantor — ask {@code OrganisationAuthority}.
     */
    public boolean mayActFor(String organId) {
        return enabled && getOrganIds().contains(organId);
    }
}
