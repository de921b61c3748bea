package org.clusterlens.themes.entity;

import jakarta.persistence.Column;
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
import java.util.Locale;

/**
 * A theme of a study's codebook: a name, a description, an optional parent (two levels, so a
 * parent has none itself), and the saved search query whose matches are its answers, besides the
 * answers coded into or out of it by hand ({@link HandCode}).
 */
@Entity
@Table(name = "theme")
@NamedQuery(name = Theme.OF_STUDY, query = "SELECT t FROM Theme t WHERE t.studyId = :study ORDER BY t.nameKey, t.id")
public class Theme {
    public static final String OF_STUDY = "Theme.ofStudy";
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;

    /** Where a theme came from: written by hand, or accepted from the discovered candidates. */
    public enum Origin { hand, candidate }

    @Id
    @SequenceGenerator(name = "theme_seq", sequenceName = "theme_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "theme_seq")
    private Long id;

    @Column(name = "study_id", nullable = false, updatable = false)
    private long studyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(nullable = false)
    private String description;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "saved_query", nullable = false)
    private String query;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Origin origin;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Theme() {
    }

    /** The name, description and query are checked by {@code ThemeRules} before they get here. */
    public Theme(long studyId, String name, String description, String query, Origin origin, String by) {
        this.studyId = studyId;
        this.origin = origin;
        this.createdBy = by;
        this.createdAt = Instant.now();
        rename(name, by);
        describe(description, by);
        redefine(query, by);
    }

    /** Names compare without regard to case: "Energy" and "energy" are one theme. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public void rename(String newName, String by) {
        name = newName.strip();
        nameKey = nameKey(newName);
        touched(by);
    }

    public void describe(String newDescription, String by) {
        description = newDescription == null ? "" : newDescription.strip();
        touched(by);
    }

    /** A blank query matches nothing: such a theme holds only the answers coded into it by hand. */
    public void redefine(String newQuery, String by) {
        query = newQuery == null ? "" : newQuery.strip();
        touched(by);
    }

    /**
     * @param parent      null for a top-level theme
     * @param hasChildren whether this theme is the parent of others, which would then be a third level
     */
    public void placeUnder(Theme parent, boolean hasChildren, String by) {
        if (parent != null) {
            if (parent.id().equals(id)) {
                throw new IllegalArgumentException("A theme cannot be its own parent.");
            }
            if (parent.parentId() != null) {
                throw new IllegalArgumentException("“" + parent.name() + "” is itself under another theme: the codebook has two levels.");
            }
            if (hasChildren) {
                throw new IllegalArgumentException("“" + name + "” has themes under it, which would become a third level.");
            }
            if (parent.studyId() != studyId) {
                throw new IllegalArgumentException("The parent belongs to another study.");
            }
        }
        parentId = parent == null ? null : parent.id();
        touched(by);
    }

    private void touched(String by) {
        updatedBy = by;
        updatedAt = Instant.now();
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    public Long id() {
        return id;
    }

    public long studyId() {
        return studyId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Long parentId() {
        return parentId;
    }

    public String query() {
        return query;
    }

    public Origin origin() {
        return origin;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return rowVersion;
    }
}
