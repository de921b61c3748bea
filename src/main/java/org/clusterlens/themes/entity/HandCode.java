package org.clusterlens.themes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A person's decision that one answer is in a theme, or is not, whatever the theme's query says.
 * The answer is named as the index names it ({@code AnswerKey}).
 */
@Entity
@Table(name = "theme_hand_code")
@NamedQuery(name = HandCode.OF_THEMES, query = "SELECT c FROM HandCode c WHERE c.themeId IN :themes ORDER BY c.id")
@NamedQuery(name = HandCode.ONE, query = "SELECT c FROM HandCode c WHERE c.themeId = :theme AND c.answerKey = :key")
public class HandCode {
    public static final String OF_THEMES = "HandCode.ofThemes";
    public static final String ONE = "HandCode.one";

    @Id
    @SequenceGenerator(name = "theme_hand_code_seq", sequenceName = "theme_hand_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "theme_hand_code_seq")
    private Long id;

    @Column(name = "theme_id", nullable = false)
    private long themeId;

    @Column(name = "answer_key", nullable = false, updatable = false)
    private String answerKey;

    @Column(name = "response_id", nullable = false, updatable = false)
    private long responseId;

    @Column(name = "coded_in", nullable = false)
    private boolean codedIn;

    @Column(name = "coded_by", nullable = false)
    private String codedBy;

    @Column(name = "coded_at", nullable = false)
    private Instant codedAt;

    protected HandCode() {
    }

    public HandCode(long themeId, String answerKey, long responseId, boolean codedIn, String by) {
        this.themeId = themeId;
        this.answerKey = answerKey;
        this.responseId = responseId;
        recode(codedIn, by);
    }

    public void recode(boolean in, String by) {
        codedIn = in;
        codedBy = by;
        codedAt = Instant.now();
    }

    /** Moves the code to the theme another was merged into. */
    public void moveTo(long theme) {
        themeId = theme;
    }

    public Long id() {
        return id;
    }

    public long themeId() {
        return themeId;
    }

    public String answerKey() {
        return answerKey;
    }

    public long responseId() {
        return responseId;
    }

    public boolean codedIn() {
        return codedIn;
    }

    public String codedBy() {
        return codedBy;
    }

    public Instant codedAt() {
        return codedAt;
    }
}
