package vn.lienthong.adapter.tracking.entity;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Metadata of an attachment; the bytes live in a file under the data folder, never in the database. */
@Entity
@Table(name = "stored_attachment")
public class StoredAttachment {

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "document_ref")
    private Document document;
    @Column(name = "position_no")
    private int position;
    private String name;
    @Column(name = "content_type")
    private String contentType;
    private String description;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "storage_path")
    private String storagePath;

    protected StoredAttachment() {
        // for JPA
    }

    public StoredAttachment(String name, String contentType, String description, long sizeBytes, String sha256,
            String storagePath) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.contentType = contentType;
        this.description = description;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storagePath = storagePath;
    }

    void attachTo(Document d, int position) {
        this.document = d;
        this.position = position;
    }

    public String getId() { return id; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getContentType() { return contentType; }
    public String getDescription() { return description; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getStoragePath() { return storagePath; }
}
