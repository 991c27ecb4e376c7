package vn.lienthong.adapter.security.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A legacy client's login: a salted password hash (never the password), the organisations it may act for, and
 * optionally the subject of the certificate it must sign with.
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
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

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

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public List<String> getOrganIds() { return Arrays.asList(organIds.split(",")); }
    public String getCertificateSubject() { return certificateSubject; }
    public boolean isEnabled() { return enabled; }
    public OffsetDateTime getCreatedAt() { return createdAt; }

    public boolean mayActFor(String organId) {
        return enabled && getOrganIds().contains(organId);
    }
}
