package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.lucene.search.Query;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.StudyAccess;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.ActorType;
import org.clusterlens.studies.entity.Wave;
import org.clusterlens.themes.boundary.SearchViews.SearchPage;
import org.clusterlens.themes.control.AnswerSearch;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.control.codebook.Codebook;
import org.clusterlens.themes.control.codebook.CodedAnswers;
import org.clusterlens.themes.entity.Theme;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Searching a study's free-text answers (docs/themes.md): Lucene query syntax in {@code q}, filters,
 * highlighted snippets, counts per question, actor type, sector and wave, pages; {@code theme}
 * keeps to the answers of one theme of the codebook. Every member of
 * the study may search; leads see pseudonyms unless the study shows them identities.
 */
@Path("studies/{studyId}/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class SearchResource {
    private static final Pattern QUESTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int DEFAULT_SIZE = 20;
    private static final int MAX_SECTOR_LENGTH = 200;

    @Inject
    ThemeSearch search;

    @Inject
    Studies studies;

    @Inject
    StudyAccess access;

    @Inject
    Codebook codebook;

    @Inject
    CodedAnswers coded;

    @GET
    public SearchPage search(@PathParam("studyId") long studyId, @QueryParam("q") String q,
                             @QueryParam("question") String question, @QueryParam("actorType") String actorType,
                             @QueryParam("sector") String sector, @QueryParam("wave") String wave,
                             @QueryParam("theme") String theme, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        Viewer viewer = access.viewer();
        Query within = theme == null ? null : themeFilter(studyId, theme);
        if (question != null && !QUESTION.matcher(question).matches()) {
            throw ProblemException.invalidField("question", "A question name: letters, digits and _, not starting with a digit.");
        }
        String type = actorType == null ? null : ActorType.parse(actorType).map(Enum::name).orElseThrow(() ->
                ProblemException.invalidField("actorType", "One of " + ActorType.names() + "."));
        if (sector != null && (sector.isBlank() || sector.length() > MAX_SECTOR_LENGTH)) {
            throw ProblemException.invalidField("sector", "A sector as the register names it, at most "
                    + MAX_SECTOR_LENGTH + " characters.");
        }
        Map<Long, String> waves = studies.find(studyId).waves().stream().collect(Collectors.toMap(Wave::id, Wave::name));
        Long waveId = wave == null ? null : number(wave, "wave", "The id of one of the study's waves.");
        if (waveId != null && !waves.containsKey(waveId)) {
            throw ProblemException.invalidField("wave", "The study has no wave " + waveId + ".");
        }
        int pageNumber = (int) bounded(page, "page", 1, 1, AnswerSearch.MAX_DEPTH);
        int pageSize = (int) bounded(size, "size", DEFAULT_SIZE, 1, AnswerSearch.MAX_SIZE);
        withinDepth(pageNumber, pageSize);
        var request = new AnswerSearch.Request(studyId, q, question, type, sector, waveId, pageNumber, pageSize,
                viewer.identified(), within);
        return withThemes(SearchPage.of(q, pageNumber, pageSize, search.search(viewer, request), viewer, waves), studyId,
                codebook, coded);
    }

    /** The page with the codebook themes each hit is in: one small query per theme, for this page's answers only. */
    static SearchPage withThemes(SearchPage page, long studyId, Codebook codebook, CodedAnswers coded) {
        if (page.hits().isEmpty()) {
            return page;
        }
        List<Theme> themes = codebook.themes(studyId);
        if (themes.isEmpty()) {
            return page;
        }
        var memberships = coded.memberships(studyId, themes, codebook.codes(themes.stream().map(Theme::id).toList()));
        var byKey = coded.themesOf(memberships, page.hits().stream().map(SearchViews.HitView::answerKey).toList());
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        themes.forEach(t -> names.put(t.id(), t.name()));
        return page.withThemes(byKey, names);
    }

    /** The answers of one of the study's themes, as the codebook says now. */
    private Query themeFilter(long studyId, String theme) {
        long themeId = number(theme, "theme", "The id of one of the study's themes.");
        Theme found = codebook.themes(studyId).stream().filter(t -> t.id() == themeId).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("theme", "The study has no theme " + themeId + "."));
        return coded.membership(found, codebook.codes(List.of(themeId)), search.analysis(studyId));
    }

    static void withinDepth(int pageNumber, int pageSize) {
        if ((long) pageNumber * pageSize > AnswerSearch.MAX_DEPTH) {
            throw ProblemException.invalidField("page", "Pages reach the first " + AnswerSearch.MAX_DEPTH
                    + " hits only; narrow the query or the filters to see further.");
        }
    }

    static long number(String value, String field, String expected) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, expected);
        }
    }

    static long bounded(String value, String field, long fallback, long min, long max) {
        if (value == null) {
            return fallback;
        }
        String expected = "A whole number from " + min + " to " + max + ".";
        long n = number(value, field, expected);
        if (n < min || n > max) {
            throw ProblemException.invalidField(field, expected);
        }
        return n;
    }
}
