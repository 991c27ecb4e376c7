package vn.lienthong.adapter.directory.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the axis agency directory. {@code code} is the code in the scheme named by {@code source}
 * (QCVN102 list with its QD 20 counterpart in oldCode's place, or the QD20 list with the QCVN 102 code in
 * {@code oldCode}): together they feed the old ↔ new organisation-id map.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    public enum Source { AXIS, AXIS_QD20 }

    @Id
    private String id;
    private String code;
    @Column(name = "old_code")
    private String oldCode;
    private String name;
    @Column(name = "parent_code")
    private String parentCode;
    private String mail;
    private String source;
    @Column(name = "synced_at")
    private OffsetDateTime syncedAt;

    protected Organisation() {
        // for JPA
    }

    public Organisation(Source source, String code, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.source = source.name();
        this.code = code;
        this.syncedAt = now;
    }

    public void update(String oldCode, String name, String parentCode, String mail, OffsetDateTime now) {
        this.oldCode = oldCode;
        this.name = name;
        this.parentCode = parentCode;
        this.mail = mail;
        this.syncedAt = now;
    }

    public String getCode() { return code; }
    public String getOldCode() { return oldCode; }
    public String getName() { return name; }
    public String getParentCode() { return parentCode; }
    public String getMail() { return mail; }
    public String getSource() { return source; }
    public OffsetDateTime getSyncedAt() { return syncedAt; }
}
