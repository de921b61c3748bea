package org.clusterlens.themes.control;

import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One Lucene document per free-text answer. The answer is stored exactly as typed in its
 * language's text field, which is indexed with offsets for highlighting; the same text, cut
 * into word n-grams, goes into the phrases field. Text fields are analysed here, with the
 * study's stop words, rather than by the writer, whose one analyzer cannot know the study.
 * Each answer is analysed once: the phrases are made from the words of its text field.
 */
public final class AnswerDocuments {
    /** Changes when documents change shape: an index of another layout is rebuilt. */
    public static final String LAYOUT = "2";

    public static final String RESPONSE = "response";
    public static final String STUDY = "study";
    public static final String WAVE = "wave";
    public static final String TEMPLATE = "template";
    public static final String TEMPLATE_VERSION = "templateVersion";
    public static final String QUESTION = "question";
    public static final String POINTER = "pointer";
    /** The answer's {@link AnswerKey}: what hand codes name. */
    public static final String ANSWER = "answer";
    public static final String REPEAT = "repeat";
    public static final String KIND = "kind";
    public static final String ACTOR_TYPE = "actorType";
    public static final String SECTOR = "sector";
    public static final String SIZE_BAND = "sizeBand";
    public static final String LANGUAGE = "language";
    public static final String PSEUDONYM = "pseudonym";
    public static final String ACTOR = "actor";
    /** Present, as {@code yes}, on answers to questions tagged pii. */
    public static final String PERSONAL = "personal";
    public static final String YES = "yes";

    /** The dimensions counted for every search. */
    public static final List<String> FACETS = List.of(QUESTION, ACTOR_TYPE, SECTOR, WAVE);

    public static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    private static final FieldType ANALYSED_TEXT = analysed(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    private static final FieldType ANALYSED_PHRASES = analysed(IndexOptions.DOCS_AND_FREQS);

    private AnswerDocuments() {
    }

    public static Term responseTerm(long responseId) {
        return new Term(RESPONSE, String.valueOf(responseId));
    }

    /**
     * The document of one answer. Add it to the index before building the next one: its text
     * fields hold token streams that the analyzers reuse.
     */
    public static Document document(IndexedResponse response, FreeText answer, LanguageAnalysis analysis) {
        Document doc = new Document();
        keyword(doc, RESPONSE, String.valueOf(response.responseId()));
        keyword(doc, STUDY, String.valueOf(response.studyId()));
        keyword(doc, WAVE, String.valueOf(response.waveId()));
        keyword(doc, TEMPLATE, response.templateId());
        doc.add(new StoredField(TEMPLATE_VERSION, response.templateVersion()));
        keyword(doc, QUESTION, answer.question());
        doc.add(new StoredField(POINTER, answer.pointer()));
        keyword(doc, ANSWER, new AnswerKey(response.responseId(), answer.pointer()).toString());
        keyword(doc, REPEAT, answer.repeat());
        keyword(doc, KIND, answer.kind());
        keyword(doc, ACTOR_TYPE, response.actorType());
        keyword(doc, SECTOR, response.sector());
        keyword(doc, SIZE_BAND, response.sizeBand());
        keyword(doc, LANGUAGE, response.language());
        keyword(doc, PSEUDONYM, response.pseudonym());
        doc.add(new StoredField(ACTOR, response.actorId()));
        if (answer.personal()) {
            keyword(doc, PERSONAL, YES);
        }
        for (String dimension : FACETS) {
            String value = doc.get(dimension);
            if (value != null && !value.isEmpty()) {
                doc.add(new SortedSetDocValuesFacetField(dimension, value));
            }
        }
        String textField = LanguageAnalysis.textField(response.language());
        String phrasesField = LanguageAnalysis.phrasesField(response.language());
        // analysed once: the writer inverts the text field first, which fills the cache, and the
        // phrases field's n-grams are made from the same words replayed (LanguageAnalysis#phrasesOf)
        CachingTokenFilter words = new CachingTokenFilter(
                analysis.text(response.language()).tokenStream(textField, answer.text()));
        doc.add(new Field(textField, words, ANALYSED_TEXT));
        doc.add(new StoredField(textField, answer.text()));
        doc.add(new Field(phrasesField, LanguageAnalysis.phrasesOf(words), ANALYSED_PHRASES));
        try {
            return FACETS_CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexed as one term and stored; an absent value (no sector given) is left out. */
    private static void keyword(Document doc, String name, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new KeywordField(name, value, Field.Store.YES));
        }
    }

    private static FieldType analysed(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }
}
