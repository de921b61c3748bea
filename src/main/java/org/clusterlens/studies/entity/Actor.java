package org.clusterlens.studies.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A firm, support institution or other actor of a study's register. */
@Entity
@Table(name = "actor")
@NamedQuery(name = Actor.OF_STUDY, query = "SELECT a FROM Actor a WHERE a.study.id = :study ORDER BY a.name, a.id")
@NamedQuery(name = Actor.SEARCH, query = "SELECT a FROM Actor a WHERE a.study.id = :study AND ("
        + "LOWER(a.name) LIKE :q OR LOWER(a.externalId) LIKE :q OR LOWER(a.sector) LIKE :q"
        + " OR LOWER(a.location) LIKE :q OR LOWER(a.email) LIKE :q) ORDER BY a.name, a.id")
public class Actor {
    public static final String OF_STUDY = "Actor.ofStudy";
    public static final String SEARCH = "Actor.search";

    /** The fields an agent or an import may set. */
    public record Details(String externalId, String name, ActorType type, String sector, String sizeBand,
                          String location, String email, String phone) {
    }

    @Id
    @SequenceGenerator(name = "actor_seq", sequenceName = "actor_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id", updatable = false)
    private Study study;

    @Column(name = "external_id")
    private String externalId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActorType type;

    private String sector;

    @Column(name = "size_band")
    private String sizeBand;

    private String location;

    private String email;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "registered_via", nullable = false)
    private RegisteredVia registeredVia;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Actor() {
    }

    public Actor(Study study, Details details) {
        this(study, details, RegisteredVia.study_team);
    }

    public Actor(Study study, Details details, RegisteredVia registeredVia) {
        this.study = study;
        this.registeredVia = registeredVia;
        this.createdAt = Instant.now();
        update(details);
    }

    public void update(Details details) {
        if (details.name() == null || details.name().isBlank() || details.type() == null) {
            throw new IllegalArgumentException("an actor needs a name and a type");
        }
        this.externalId = details.externalId();
        this.name = details.name();
        this.type = details.type();
        this.sector = details.sector();
        this.sizeBand = details.sizeBand();
        this.location = details.location();
        this.email = details.email();
        this.phone = details.phone();
        this.updatedAt = Instant.now();
    }

    /** The study team has checked an actor that registered itself. */
    public void confirm() {
        this.registeredVia = RegisteredVia.study_team;
    }

    public Long id() {
        return id;
    }

    public Study study() {
        return study;
    }

    public String externalId() {
        return externalId;
    }

    public String name() {
        return name;
    }

    public ActorType type() {
        return type;
    }

    public String sector() {
        return sector;
    }

    public String sizeBand() {
        return sizeBand;
    }

    public String location() {
        return location;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public RegisteredVia registeredVia() {
        return registeredVia;
    }
}
