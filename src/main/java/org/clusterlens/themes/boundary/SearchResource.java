package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Searching a study's free-text answers (docs/themes.md): Lucene query syntax in {@code q}, filters,
 * highlighted snippets, counts per question, actor type, sector and wave, pages. Every member of
 * the study may search; leads see pseudonyms unless the study shows them identities.
 */
@Path("studies/{studyId}/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class SearchResource {
    private static final Pattern QUESTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SECTOR_LENGTH = 200;

    @Inject
    ThemeSearch search;

    @Inject
    Studies studies;

    @Inject
    StudyAccess access;

    @GET
    public SearchPage search(@PathParam("studyId") long studyId, @QueryParam("q") String q,
                             @QueryParam("question") String question, @QueryParam("actorType") String actorType,
                             @QueryParam("sector") String sector, @QueryParam("wave") String wave,
                             @QueryParam("theme") String theme, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        Viewer viewer = access.viewer();
        if (theme != null) {
            throw ProblemException.invalidField("theme", "Filtering by theme comes with the codebook; leave theme out for now.");
        }
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
        if ((long) pageNumber * pageSize > AnswerSearch.MAX_DEPTH) {
            throw ProblemException.invalidField("page", "Pages reach the first " + AnswerSearch.MAX_DEPTH
                    + " hits only; narrow the query or the filters to see further.");
        }
        var request = new AnswerSearch.Request(studyId, q, question, type, sector, waveId, pageNumber, pageSize,
                viewer.identified());
        return SearchPage.of(q, pageNumber, pageSize, search.search(viewer, request), viewer, waves);
    }

    private static long number(String value, String field, String expected) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, expected);
        }
    }

    private static long bounded(String value, String field, long fallback, long min, long max) {
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
