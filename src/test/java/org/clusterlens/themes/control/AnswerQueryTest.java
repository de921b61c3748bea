package org.clusterlens.themes.control;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.clusterlens.themes.control.SearchedIndex.search;
import static org.clusterlens.themes.control.TestAnswers.freeTexts;
import static org.clusterlens.themes.control.TestAnswers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerQueryTest {
    private final LanguageAnalysis analysis = new LanguageAnalysis(List.of());

    private QuerySyntaxException error(String query) {
        return assertThrows(QuerySyntaxException.class, () -> AnswerQuery.parse(query, analysis));
    }

    @Test
    void aSyntaxErrorNamesTheOffsetOfWhatWentWrong() {
        assertEquals(3, error("foo)").position());
        assertEquals(11, error("energy AND ) cost").position());
        assertEquals(7, error("a OR (b").position());
        assertTrue(error("a OR (b").getMessage().contains("position 7"), error("a OR (b").getMessage());
        assertEquals(10, error("energy AND").position());
        assertEquals(5, error("cost:").position());
    }

    @Test
    void offsetsCountEveryCharacterAcrossLineBreaksTabsAndEmoji() {
        assertEquals(8, error("a\nb AND )").position());
        assertEquals(6, error("a\tAND\t)").position());
        String query = "🍞 AND )";
        assertEquals(query.indexOf(')'), error(query).position());
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtTheEndOfTheQuery() {
        QuerySyntaxException e = error("\"access to finance");
        assertEquals("\"access to finance".length(), e.position());
        assertTrue(e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void anErrorWithoutAPlaceStillExplainsItself() {
        QuerySyntaxException e = error("*flour");
        assertNull(e.position());
        assertTrue(e.getMessage().contains("first character"), e.getMessage());
    }

    @Test
    void aBlankQueryMatchesEverything() throws QuerySyntaxException {
        assertInstanceOf(MatchAllDocsQuery.class, AnswerQuery.parse("  ", analysis));
        assertInstanceOf(MatchAllDocsQuery.class, AnswerQuery.parse(null, analysis));
    }

    @Test
    void eachLanguageIsSearchedWithItsOwnAnalysis() throws Exception {
        List<IndexedResponse> answers = List.of(
                response(1, "fr", "Les coûts de l'électricité"),
                response(2, "en", "Electricity bills are too high"),
                response(3, "es", "Los costos de la electricidad"),
                response(4, "ar", "أسعار الكهرباء مرتفعة"));
        assertEquals(List.of(1L), ids(search(answers, "coût")));
        assertEquals(List.of(2L), ids(search(answers, "bill")));
        assertEquals(List.of(3L), ids(search(answers, "costo")));
        assertEquals(List.of(4L), ids(search(answers, "الكهرباء")));
    }

    @Test
    void wordsAreJoinedByAndUnlessTheQuerySaysOr() throws Exception {
        List<IndexedResponse> answers = List.of(response(1, "en", "energy is expensive"),
                response(2, "en", "energy is cheap"), response(3, "en", "flour is expensive"));
        assertEquals(List.of(1L), ids(search(answers, "energy expensive")));
        assertEquals(3, search(answers, "energy OR flour").total());
        assertEquals(List.of(2L), ids(search(answers, "energy -expensive")));
        assertEquals(List.of(1L), ids(search(answers, "\"energy is expensive\"")));
    }

    @Test
    void answersToPersonalQuestionsAreLeftOutForViewersWhoDoNotSeeIdentities() throws Exception {
        List<IndexedResponse> answers = List.of(TestAnswers.response(1, 1, "en",
                freeTexts("{\"owner_name\": \"Awa Bakery\", \"main_problem\": \"Bakery ovens break\"}")));
        assertEquals(2, search(answers, "bakery", true, List.of()).total());
        AnswerSearch.Result forLeads = search(answers, "bakery", false, List.of());
        assertEquals(1, forLeads.total());
        assertEquals("main_problem", forLeads.hits().getFirst().question());
        assertEquals(List.of(new AnswerSearch.Count("main_problem", 1)), forLeads.facets().get("question"));
    }

    @Test
    void facetsCountEveryHitNotJustThePage() throws Exception {
        List<IndexedResponse> answers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            answers.add(TestAnswers.response(i, 1, "en", freeTexts("{\"main_problem\": \"power cuts " + i
                    + "\", \"sites\": [{\"site_problem\": \"power again\"}]}")));
        }
        AnswerSearch.Result result = search(answers, "power");
        assertEquals(60, result.total());
        assertEquals(20, result.hits().size());
        Map<String, List<AnswerSearch.Count>> facets = result.facets();
        assertEquals(List.of(new AnswerSearch.Count("main_problem", 30), new AnswerSearch.Count("site_problem", 30)),
                facets.get("question").stream().sorted(Comparator.comparing(AnswerSearch.Count::value)).toList());
        assertEquals(List.of(new AnswerSearch.Count("firm", 60)), facets.get("actorType"));
        assertEquals(List.of(new AnswerSearch.Count("bakery", 60)), facets.get("sector"));
        assertEquals(List.of(new AnswerSearch.Count("10", 60)), facets.get("wave"));
    }

    @Test
    void theStudysStopWordsCannotBeSearchedFor() throws Exception {
        List<IndexedResponse> answers = List.of(response(1, "en", "the cluster needs power"));
        assertEquals(1, search(answers, "cluster").total());
        assertEquals(0, search(answers, "cluster", true, List.of("cluster")).total());
        assertEquals(1, search(answers, "power", true, List.of("cluster")).total());
    }

    private static List<Long> ids(AnswerSearch.Result result) {
        return result.hits().stream().map(AnswerSearch.Hit::responseId).toList();
    }
}
