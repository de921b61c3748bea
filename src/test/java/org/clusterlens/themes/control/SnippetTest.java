package org.clusterlens.themes.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.clusterlens.themes.control.SearchedIndex.highlighted;
import static org.clusterlens.themes.control.SearchedIndex.search;
import static org.clusterlens.themes.control.TestAnswers.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a hit shows: the answer as typed, the matched words marked, and markup no answer can break. */
class SnippetTest {

    @Test
    void aScriptInAnAnswerIsTextInTheMarkupAndOnlyOurMarksAreTags() throws Exception {
        String typed = "<script>alert('energy')</script> & \"energy\" <mark>costs</mark>";
        AnswerSearch.Hit hit = search(List.of(response(1, "en", typed)), "energy").hits().getFirst();
        assertEquals(typed, hit.answer());
        assertEquals(typed, hit.snippet().text());
        assertEquals("energy|energy", highlighted(hit));
        assertEquals("&lt;script&gt;alert(&#39;<mark>energy</mark>&#39;)&lt;/script&gt; &amp; &quot;<mark>energy</mark>&quot;"
                + " &lt;mark&gt;costs&lt;/mark&gt;", hit.snippet().html());
    }

    @Test
    void arabicRightToLeftAnswersAreMarkedOnTheWordsThatMatched() throws Exception {
        String typed = "انقطاع الكهرباء يوقف الأفران كل يوم";
        AnswerSearch.Hit hit = search(List.of(response(1, "ar", typed)), "كهرباء").hits().getFirst();
        assertEquals("الكهرباء", highlighted(hit));
        assertEquals("انقطاع <mark>الكهرباء</mark> يوقف الأفران كل يوم", hit.snippet().html());
    }

    @Test
    void rangesCountUtf16UnitsSoThatEmojiBeforeAWordDoNotShiftTheMark() throws Exception {
        String typed = "🍞🍞 bread 👩🏽‍🍳 and ovens";
        AnswerSearch.Hit hit = search(List.of(response(1, "en", typed)), "oven").hits().getFirst();
        Snippet.Highlight mark = hit.snippet().highlights().getFirst();
        assertEquals(typed.indexOf("ovens"), mark.start());
        assertEquals("ovens", typed.substring(mark.start(), mark.end()));
        assertTrue(hit.snippet().html().endsWith("and <mark>ovens</mark>"), hit.snippet().html());
    }

    @Test
    void bidiControlsStayInTheTextAndAreVisibleReferencesInTheMarkup() throws Exception {
        String typed = "price \u202Eof flour\u202C and \u2067energy\u2069 \u200F";
        AnswerSearch.Hit hit = search(List.of(response(1, "en", typed)), "energy").hits().getFirst();
        assertEquals(typed, hit.snippet().text());
        String html = hit.snippet().html();
        assertEquals("price &#x202E;of flour&#x202C; and &#x2067;<mark>energy</mark>&#x2069; &#x200F;", html);
        assertFalse(html.chars().anyMatch(c -> Snippet.isBidiControl((char) c)), html);
    }

    @Test
    void aLongAnswerIsCutAroundItsMatchesWithEllipses() throws Exception {
        String filler = "We bake bread every morning for the market and the schools nearby. ".repeat(8);
        String typed = filler + "The generator fails when the grid is down. " + filler;
        AnswerSearch.Hit hit = search(List.of(response(1, "en", typed)), "generator").hits().getFirst();
        String text = hit.snippet().text();
        assertTrue(text.length() < 400, text);
        assertTrue(text.startsWith(SnippetFormatter.ELLIPSIS) && text.endsWith(SnippetFormatter.ELLIPSIS), text);
        assertEquals("generator", highlighted(hit));
        assertEquals(typed, hit.answer());
    }

    @Test
    void withoutAQueryEveryAnswerShowsItsBeginningUnmarked() throws Exception {
        AnswerSearch.Hit hit = search(List.of(response(1, "fr", "Le prix de la farine")), "").hits().getFirst();
        assertEquals("Le prix de la farine", hit.snippet().text());
        assertEquals(List.of(), hit.snippet().highlights());
    }

    @Test
    void overlappingMarksMergeAndTheMarkupStaysBalanced() {
        Snippet snippet = new Snippet("a<b>c", List.of(new Snippet.Highlight(1, 4)));
        assertEquals("a<mark>&lt;b&gt;</mark>c", snippet.html());
    }
}
