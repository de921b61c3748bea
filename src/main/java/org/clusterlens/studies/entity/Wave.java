package org.clusterlens.studies.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** One round of data collection of a study, between two dates. */
@Entity
@Cacheable
@Table(name = "wave")
public class Wave {
    @Id
    @SequenceGenerator(name = "wave_seq", sequenceName = "wave_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wave_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id", updatable = false)
    private Study study;

    @Column(nullable = false)
    private String name;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Wave() {
    }

    Wave(Study study, String name, LocalDate opensOn, LocalDate closesOn) {
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("a wave cannot close before it opens");
        }
        this.study = study;
        this.name = name;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.createdAt = Instant.now();
    }

    /** Whether the wave takes answers on a day: from {@code opensOn} to {@code closesOn}, both included. */
    public enum Collecting {
        NOT_YET, OPEN, CLOSED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Collecting collectingOn(LocalDate day) {
        return day.isBefore(opensOn) ? Collecting.NOT_YET : day.isAfter(closesOn) ? Collecting.CLOSED : Collecting.OPEN;
    }

    public boolean isOpenOn(LocalDate day) {
        return collectingOn(day) == Collecting.OPEN;
    }

    /** New dates, to open a wave earlier or extend it; what was answered so far is untouched. */
    public void reschedule(LocalDate newOpensOn, LocalDate newClosesOn) {
        if (newClosesOn.isBefore(newOpensOn)) {
            throw new IllegalArgumentException("a wave cannot close before it opens");
        }
        this.opensOn = newOpensOn;
        this.closesOn = newClosesOn;
    }

    public Long id() {
        return id;
    }

    public Study study() {
        return study;
    }

    public String name() {
        return name;
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public LocalDate closesOn() {
        return closesOn;
    }
}
