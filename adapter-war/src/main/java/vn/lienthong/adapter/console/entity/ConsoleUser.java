package vn.lienthong.adapter.console.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who signs in to the console: a salted password hash (never the password), a role and the
 * organisations the user may see and act for ({@value #ALL_ORGANISATIONS} = all, for administrators).
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    public static final String ALL_ORGANISATIONS = "*";

    @Id
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    @Column(name = "organ_ids")
    private String organIds;
    private boolean enabled;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected ConsoleUser() {
        // for JPA
    }

    public ConsoleUser(String username, String passwordHash, ConsoleRole role, List<String> organIds,
            String createdBy, OffsetDateTime createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.roleName();
        this.organIds = role == ConsoleRole.ADMINISTRATOR ? ALL_ORGANISATIONS : String.join(",", organIds);
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public ConsoleRole getRole() { return ConsoleRole.of(role).orElse(ConsoleRole.VIEWER); }
    public boolean isEnabled() { return enabled; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }

    /** Empty list = none; {@link #seesAll()} for every organisation. */
    public List<String> getOrganIds() {
        return organIds.isBlank() || seesAll() ? List.of() : Arrays.asList(organIds.split(","));
    }

    public boolean seesAll() {
        return ALL_ORGANISATIONS.equals(organIds);
    }

    public void disable() {
        this.enabled = false;
    }
}
