package org.clusterlens.studies.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clusterlens.forms.entity.TemplateVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A cluster's diagnostic study: who is asked (the register), with which questionnaire, in which waves. */
@Entity
@Cacheable
@Table(name = "study")
@NamedQuery(name = Study.ALL, query = "SELECT s FROM Study s ORDER BY s.id DESC")
@NamedQuery(name = Study.ALL_OF, query = "SELECT s FROM Study s WHERE s.id IN :ids ORDER BY s.id DESC")
@NamedQuery(name = Study.BY_OPEN_TOKEN, query = "SELECT s FROM Study s WHERE s.openTokenHash = :hash")
public class Study {
    public static final String ALL = "Study.all";
    public static final String ALL_OF = "Study.allOf";
    public static final String BY_OPEN_TOKEN = "Study.byOpenToken";

    @Id
    @SequenceGenerator(name = "study_seq", sequenceName = "study_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "study_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    private String product;

    private String place;

    /** Comma-separated language codes. */
    @Column(nullable = false)
    private String languages;

    @Column(name = "default_language", nullable = false)
    private String defaultLanguage;

    @Column(nullable = false)
    private int k;

    @Column(name = "open_token_hash")
    private String openTokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "open_actor_type")
    private ActorType openActorType;

    /** The secret behind the study's pseudonyms; see {@code Pseudonyms}. Never sent to anybody. */
    @Column(name = "pseudonym_key", updatable = false)
    private String pseudonymKey;

    @Column(name = "leads_see_identities", nullable = false)
    private boolean leadsSeeIdentities;

    @Column(name = "strangers_see_register", nullable = false)
    private boolean strangersSeeRegister;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "study", cascade = CascadeType.PERSIST)
    @OrderBy("opensOn, id")
    private List<Wave> waves = new ArrayList<>();

    @OneToMany(mappedBy = "study", cascade = CascadeType.PERSIST)
    @OrderBy("actorType")
    private List<StudyTemplate> templates = new ArrayList<>();

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Study() {
    }

    public Study(String name, String product, String place, List<String> languages, String defaultLanguage, int k,
                 String createdBy, String pseudonymKey) {
        if (languages.isEmpty() || !languages.contains(defaultLanguage)) {
            throw new IllegalArgumentException("the default language must be one of the study's languages");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.name = name;
        this.product = product;
        this.place = place;
        this.languages = String.join(",", languages);
        this.defaultLanguage = defaultLanguage;
        this.k = k;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.pseudonymKey = pseudonymKey;
    }

    /** For programmes whose leads are also the field team: they then see who said what. */
    public void letLeadsSeeIdentities(boolean on) {
        this.leadsSeeIdentities = on;
    }

    /**
     * Whether a stranger who registers through the open link may pick linked actors from the
     * register; off, the open door does not hand the cluster's list to anyone who walks in.
     */
    public void letStrangersSeeRegister(boolean on) {
        this.strangersSeeRegister = on;
    }

    public boolean leadsSeeIdentities() {
        return leadsSeeIdentities;
    }

    public boolean strangersSeeRegister() {
        return strangersSeeRegister;
    }

    public String pseudonymKey() {
        return pseudonymKey;
    }

    public Wave addWave(String waveName, LocalDate opensOn, LocalDate closesOn) {
        Wave wave = new Wave(this, waveName, opensOn, closesOn);
        waves.add(wave);
        return wave;
    }

    /** Sets the questionnaire an actor type answers; only a published version can be asked. */
    public StudyTemplate assign(ActorType type, TemplateVersion version) {
        if (!version.isPublished()) {
            throw new IllegalStateException("version " + version.versionNumber() + " of " + version.templateId()
                    + " is not published");
        }
        Optional<StudyTemplate> existing = template(type);
        if (existing.isPresent()) {
            existing.get().change(version);
            return existing.get();
        }
        StudyTemplate assignment = new StudyTemplate(this, type, version);
        templates.add(assignment);
        return assignment;
    }

    public Optional<StudyTemplate> template(ActorType type) {
        return templates.stream().filter(t -> t.actorType() == type).findFirst();
    }

    /** The wave an open-link registration joins: the latest one open today. */
    public Optional<Wave> currentWave(LocalDate today) {
        return waves.stream().filter(w -> w.isOpenOn(today)).reduce((first, second) -> second);
    }

    public void openLink(String tokenHash, ActorType type) {
        this.openTokenHash = tokenHash;
        this.openActorType = type;
    }

    public void closeOpenLink() {
        this.openTokenHash = null;
        this.openActorType = null;
    }

    public boolean hasOpenLink() {
        return openTokenHash != null;
    }

    /** Whether the open link is on and {@code tokenHash} is its token's (the token itself is not kept). */
    public boolean opensWith(String tokenHash) {
        return openTokenHash != null && java.security.MessageDigest.isEqual(
                openTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String product() {
        return product;
    }

    public String place() {
        return place;
    }

    public List<String> languages() {
        return Arrays.asList(languages.split(","));
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public int k() {
        return k;
    }

    public ActorType openActorType() {
        return openActorType;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Wave> waves() {
        return List.copyOf(waves);
    }

    public List<StudyTemplate> templates() {
        return List.copyOf(templates);
    }
}
