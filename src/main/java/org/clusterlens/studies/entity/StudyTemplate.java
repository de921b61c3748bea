package org.clusterlens.studies.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clusterlens.forms.entity.TemplateVersion;

/** Which published template version one actor type of a study answers. */
@Entity
@Cacheable
@Table(name = "study_template")
public class StudyTemplate {
    @Id
    @SequenceGenerator(name = "study_template_seq", sequenceName = "study_template_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "study_template_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id", updatable = false)
    private Study study;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, updatable = false)
    private ActorType actorType;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_version_id")
    private TemplateVersion templateVersion;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected StudyTemplate() {
    }

    StudyTemplate(Study study, ActorType actorType, TemplateVersion templateVersion) {
        this.study = study;
        this.actorType = actorType;
        this.templateVersion = templateVersion;
    }

    void change(TemplateVersion version) {
        this.templateVersion = version;
    }

    public ActorType actorType() {
        return actorType;
    }

    public TemplateVersion templateVersion() {
        return templateVersion;
    }
}
