package org.clusterlens.forms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One version of a questionnaire template. A draft may be edited; a published version is frozen
 * for good, because responses point at it and must always be read against exactly what was asked.
 */
@Entity
@Cacheable
@Table(name = "template_version")
@NamedQuery(name = TemplateVersion.OF_TEMPLATE,
        query = "SELECT v FROM TemplateVersion v WHERE v.templateId = :templateId ORDER BY v.versionNumber")
@NamedQuery(name = TemplateVersion.LATEST_OF_EACH,
        query = "SELECT v FROM TemplateVersion v WHERE v.versionNumber = (SELECT MAX(w.versionNumber)"
                + " FROM TemplateVersion w WHERE w.templateId = v.templateId) ORDER BY v.templateId")
public class TemplateVersion {
    public static final String OF_TEMPLATE = "TemplateVersion.ofTemplate";
    public static final String LATEST_OF_EACH = "TemplateVersion.latestOfEach";

    public enum Status { DRAFT, PUBLISHED }

    @Id
    @SequenceGenerator(name = "template_version_seq", sequenceName = "template_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "template_version_seq")
    private Long id;

    @Column(name = "template_id", nullable = false, updatable = false)
    private String templateId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String title;

    /** The template document as JSON text, exactly as accepted. */
    @Column(nullable = false)
    private String content;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected TemplateVersion() {
    }

    public TemplateVersion(String templateId, int versionNumber, String title, String content, String createdBy) {
        this.templateId = templateId;
        this.versionNumber = versionNumber;
        this.status = Status.DRAFT;
        this.title = title;
        this.content = content;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public void replaceContent(String newTitle, String newContent) {
        if (isPublished()) {
            throw new IllegalStateException("version " + versionNumber + " of " + templateId + " is published and frozen");
        }
        this.title = newTitle;
        this.content = newContent;
    }

    public void publish(String by, String hash) {
        if (isPublished()) {
            throw new IllegalStateException("version " + versionNumber + " of " + templateId + " is published already");
        }
        this.status = Status.PUBLISHED;
        this.contentHash = hash;
        this.publishedBy = by;
        this.publishedAt = Instant.now();
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** Changes with every save, so a client can say which state of the version it edited. */
    public String etag() {
        return "\"" + versionNumber + "." + rowVersion + "\"";
    }

    public Long id() {
        return id;
    }

    public String templateId() {
        return templateId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public String contentHash() {
        return contentHash;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
