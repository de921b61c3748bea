package org.clusterlens.themes.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.Reader;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How answers are analysed: Lucene's own analyzer for the respondent's language (English, French,
 * Spanish, Portuguese, Arabic; the standard one for any other), each with its language's stop
 * words plus the study's own. Each language has its field for words ({@code text_fr}) and one for
 * word n-grams of two and three words ({@code phrases_fr}), so that a query is analysed the way the
 * answers it looks for were. One instance serves one study's stop words and may be shared.
 */
public final class LanguageAnalysis {
    public static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "ar");
    /** Any other language: tokens and lower case, no stemming, the study's stop words only. */
    public static final String STANDARD = "std";
    public static final List<String> FAMILIES = List.of("en", "fr", "es", "pt", "ar", STANDARD);

    private static final String TEXT = "text_";
    private static final String PHRASES = "phrases_";

    private final Map<String, Analyzer> text = new HashMap<>();
    private final Map<String, Analyzer> phrases = new HashMap<>();
    private final Analyzer byField;

    public LanguageAnalysis(Collection<String> studyStopWords) {
        for (String family : FAMILIES) {
            Analyzer words = withoutBidiControls(analyzer(family, stopWords(family, studyStopWords)));
            text.put(family, words);
            phrases.put(family, shingles(words));
        }
        byField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return fieldName.startsWith(PHRASES) ? phrases.get(family(fieldName.substring(PHRASES.length())))
                        : text.get(fieldName.startsWith(TEXT) ? family(fieldName.substring(TEXT.length())) : STANDARD);
            }
        };
    }

    /** The analyzer family of a language code such as {@code fr} or {@code pt-BR}. */
    public static String family(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(primary) ? primary : STANDARD;
    }

    public static String textField(String language) {
        return TEXT + family(language);
    }

    public static String phrasesField(String language) {
        return PHRASES + family(language);
    }

    public Analyzer text(String language) {
        return text.get(family(language));
    }

    public Analyzer phrases(String language) {
        return phrases.get(family(language));
    }

    /** Chooses by field name: what query parsing and highlighting need. */
    public Analyzer byField() {
        return byField;
    }

    private static CharArraySet stopWords(String family, Collection<String> studyStopWords) {
        CharArraySet language = switch (family) {
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
            case "ar" -> ArabicAnalyzer.getDefaultStopSet();
            default -> CharArraySet.EMPTY_SET;
        };
        CharArraySet all = new CharArraySet(language.size() + studyStopWords.size(), true);
        all.addAll(language);
        all.addAll(studyStopWords);
        return CharArraySet.unmodifiableSet(all);
    }

    private static Analyzer analyzer(String family, CharArraySet stopWords) {
        return switch (family) {
            case "en" -> new EnglishAnalyzer(stopWords);
            case "fr" -> new FrenchAnalyzer(stopWords);
            case "es" -> new SpanishAnalyzer(stopWords);
            case "pt" -> new PortugueseAnalyzer(stopWords);
            case "ar" -> new ArabicAnalyzer(stopWords);
            default -> new StandardAnalyzer(stopWords);
        };
    }

    /**
     * The tokenizer keeps invisible direction marks inside words (Unicode's word rules attach format
     * characters to the letter before), so "energy" between two isolate marks would never match "energy". They are
     * taken out before tokenizing; offsets still point into the answer as typed.
     */
    private static Analyzer withoutBidiControls(Analyzer language) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return language;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new MappingCharFilter(BIDI_CONTROLS, reader);
            }
        };
    }

    private static final NormalizeCharMap BIDI_CONTROLS = bidiControls();

    private static NormalizeCharMap bidiControls() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (char c : "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
            map.add(String.valueOf(c), "");
        }
        return map.build();
    }

    /**
     * Two- and three-word n-grams of the analysed words. A left-out stop word leaves "_" in its
     * place ("access _ financ"); n-grams that start or end with one say nothing and are dropped.
     */
    private static Analyzer shingles(Analyzer words) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return words;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(), phrasesOf(components.getTokenStream()));
            }
        };
    }

    /**
     * The phrases of a stream of analysed words, as {@link #phrases} makes them from the text:
     * indexing feeds it the words the text field has already analysed, rather than analysing the
     * answer a second time.
     */
    public static TokenStream phrasesOf(TokenStream words) {
        ShingleFilter shingles = new ShingleFilter(words, 2, 3);
        shingles.setOutputUnigrams(false);
        return new InnerFillersOnly(shingles);
    }

    private static final class InnerFillersOnly extends FilteringTokenFilter {
        private static final String FILLER = ShingleFilter.DEFAULT_FILLER_TOKEN;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        InnerFillersOnly(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            String gram = term.toString();
            return !gram.startsWith(FILLER + " ") && !gram.endsWith(" " + FILLER);
        }
    }
}
