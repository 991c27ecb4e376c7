package vn.lienthong.adapter.tracking.entity;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The descriptive information items of a document (Decision 28/2018): issuer name, place, kind, summary, signer,
 * deadline, circulation scope, directive flag. Number, notation, date, subject and priority live on
 * {@link Document} itself; the signed package on disk keeps everything verbatim.
 */
@Embeddable
public class DocumentDetails {

    @Column(name = "from_organ_name")
    private String fromOrganName;
    @Column(name = "promulgation_place")
    private String promulgationPlace;
    @Column(name = "document_type")
    private Integer documentType;
    @Column(name = "document_type_name")
    private String documentTypeName;
    @Column(name = "content_summary")
    private String contentSummary;
    @Column(name = "signer_competence")
    private String signerCompetence;
    @Column(name = "signer_position")
    private String signerPosition;
    @Column(name = "signer_full_name")
    private String signerFullName;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "sphere_of_promulgation")
    private String sphereOfPromulgation;
    @Column(name = "steering_type")
    private Integer steeringType;

    protected DocumentDetails() {
        // for JPA
    }

    public DocumentDetails(String fromOrganName, String promulgationPlace, Integer documentType,
            String documentTypeName, String contentSummary, String signerCompetence, String signerPosition,
            String signerFullName, LocalDate dueDate, String sphereOfPromulgation, Integer steeringType) {
        this.fromOrganName = cut(fromOrganName, 300);
        this.promulgationPlace = cut(promulgationPlace, 200);
        this.documentType = documentType;
        this.documentTypeName = cut(documentTypeName, 200);
        this.contentSummary = cut(contentSummary, 2000);
        this.signerCompetence = cut(signerCompetence, 100);
        this.signerPosition = cut(signerPosition, 300);
        this.signerFullName = cut(signerFullName, 300);
        this.dueDate = dueDate;
        this.sphereOfPromulgation = cut(sphereOfPromulgation, 300);
        this.steeringType = steeringType;
    }

    /** Received packages are not ours to reject for long texts: what does not fit is cut, the package keeps it. */
    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public String getFromOrganName() { return fromOrganName; }
    public String getPromulgationPlace() { return promulgationPlace; }
    public Integer getDocumentType() { return documentType; }
    public String getDocumentTypeName() { return documentTypeName; }
    public String getContentSummary() { return contentSummary; }
    public String getSignerCompetence() { return signerCompetence; }
    public String getSignerPosition() { return signerPosition; }
    public String getSignerFullName() { return signerFullName; }
    public LocalDate getDueDate() { return dueDate; }
    public String getSphereOfPromulgation() { return sphereOfPromulgation; }
    public Integer getSteeringType() { return steeringType; }
}
