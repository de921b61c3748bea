package org.clusterlens.themes.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageAnalysisTest {
    private final LanguageAnalysis plain = new LanguageAnalysis(List.of());

    @Test
    void englishLeavesOutStopWordsAndStemsSoThatFormsOfAWordMeet() throws IOException {
        assertEquals(List.of("energi", "cost", "rise"), words(plain.text("en"), "The energy costs are rising"));
        assertEquals(words(plain.text("en"), "costs"), words(plain.text("en"), "cost"));
    }

    @Test
    void frenchDropsElisionsAndStopWordsAndFoldsPlurals() throws IOException {
        List<String> words = words(plain.text("fr"), "L'électricité et le gaz");
        assertEquals(2, words.size(), words::toString);
        assertTrue(words.getFirst().startsWith("electricit"), words::toString);
        assertEquals(words(plain.text("fr"), "les coûts"), words(plain.text("fr"), "le coût"));
    }

    @Test
    void spanishAndPortugueseEachUseTheirOwnStopWordsAndStemmer() throws IOException {
        assertEquals(3, words(plain.text("es"), "Los costos de la energía son altos").size());
        assertEquals(words(plain.text("es"), "costo"), words(plain.text("es"), "los costos"));
        assertEquals(3, words(plain.text("pt"), "Os custos da energia são altos").size());
        assertEquals(words(plain.text("pt"), "custo"), words(plain.text("pt"), "os custos"));
        assertTrue(words(plain.text("en"), "de la son").containsAll(List.of("de", "la", "son")),
                "Spanish stop words are not English ones");
    }

    @Test
    void arabicNormalisesLettersAndStripsArticles() throws IOException {
        List<String> withArticle = words(plain.text("ar"), "الكهرباء");
        assertEquals(List.of("كهرباء"), withArticle);
        assertEquals(words(plain.text("ar"), "أسعار"), words(plain.text("ar"), "اسعار"));
    }

    @Test
    void anyOtherLanguageIsCutIntoLowerCaseWordsWithoutStemmingOrEnglishStopWords() throws IOException {
        assertEquals("std", LanguageAnalysis.family("sw"));
        assertEquals("pt", LanguageAnalysis.family("pt-BR"));
        assertEquals(List.of("umeme", "ni", "ghali", "the"), words(plain.text("sw"), "Umeme ni ghali THE"));
    }

    @Test
    void theStudysOwnStopWordsAreLeftOutInEveryLanguageWhateverTheirCase() throws IOException {
        LanguageAnalysis study = new LanguageAnalysis(List.of("cluster", "thiès"));
        assertEquals(List.of("energi"), words(study.text("en"), "Cluster energy in Thiès"));
        assertEquals(words(plain.text("fr"), "l'énergie"), words(study.text("fr"), "Le cluster et l'énergie à THIÈS"));
        assertEquals(List.of("umeme"), words(study.text("sw"), "cluster umeme"));
        assertTrue(words(plain.text("en"), "Cluster energy").contains("cluster"));
    }

    @Test
    void thePhrasesFieldHoldsTwoAndThreeWordNGramsOfTheAnalysedWords() throws IOException {
        assertEquals(List.of("energi cost", "energi cost rise", "cost rise"), words(plain.phrases("en"), "energy costs rise"));
        // a left-out stop word leaves its place ("_") inside an n-gram, never at either end
        assertEquals(List.of("access _ financ", "financ _ hard"), words(plain.phrases("en"), "access to finance is hard"));
        assertFalse(words(plain.phrases("en"), "energy").contains("energi"), "no single words");
    }

    @Test
    void fieldsNameTheirLanguageSoThatAQueryIsAnalysedLikeItsAnswers() throws IOException {
        assertEquals("text_fr", LanguageAnalysis.textField("fr"));
        assertEquals("phrases_std", LanguageAnalysis.phrasesField("wo"));
        assertEquals(words(plain.text("fr"), "coûts"), words(plain.byField(), "text_fr", "coûts"));
        assertEquals(words(plain.text("ar"), "الكهرباء"), words(plain.byField(), "text_ar", "الكهرباء"));
    }

    private static List<String> words(Analyzer analyzer, String text) throws IOException {
        return words(analyzer, "text", text);
    }

    private static List<String> words(Analyzer analyzer, String field, String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
