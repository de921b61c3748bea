package org.clusterlens.themes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A study's own stop words: words so common in its answers (the product, the place, "cluster")
 * that they would crowd out everything else in search and themes. Kept lower-case, sorted, once each.
 */
@Entity
@Table(name = "theme_stop_words")
public class StudyStopWords {
    public static final int MAX_WORDS = 500;
    public static final int MAX_LENGTH = 64;

    @Id
    @Column(name = "study_id")
    private Long studyId;

    /** One word per line. */
    @Column(nullable = false)
    private String words;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected StudyStopWords() {
    }

    public StudyStopWords(long studyId, List<String> words, String by) {
        this.studyId = studyId;
        replace(words, by);
    }

    /** @return whether the list changed */
    public boolean replace(List<String> newWords, String by) {
        String normalised = String.join("\n", normalise(newWords));
        boolean changed = !normalised.equals(words);
        words = normalised;
        updatedBy = by;
        updatedAt = Instant.now();
        return changed;
    }

    /** Lower-case, without blanks and repeats, sorted: two lists that mean the same compare equal. */
    public static List<String> normalise(List<String> words) {
        TreeSet<String> set = new TreeSet<>();
        for (String word : words) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (!w.isEmpty()) {
                set.add(w);
            }
        }
        return List.copyOf(set);
    }

    public List<String> words() {
        return words.isEmpty() ? List.of() : Arrays.asList(words.split("\n"));
    }

    public Long studyId() {
        return studyId;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long revision() {
        return rowVersion;
    }
}
