package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.StudyAccess;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Wave;
import org.clusterlens.themes.boundary.SuggestionViews.DecidedView;
import org.clusterlens.themes.boundary.SuggestionViews.SuggestionsPage;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.AnswerKey;
import org.clusterlens.themes.control.AnswerSearch;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.control.codebook.Codebook;
import org.clusterlens.themes.control.suggestions.SuggestedAnswers;
import org.clusterlens.themes.control.suggestions.SuggestionDecisions;
import org.clusterlens.themes.control.suggestions.SuggestionDecisions.Decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Themes proposed for answers nobody coded, learnt from the study's hand coding (docs/themes.md,
 * "Suggestions"), and their acceptance or rejection in bulk. The same members as the codebook.
 */
@Path("studies/{studyId}/themes/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class SuggestionsResource {
    private static final String DECISIONS = "{\"decisions\": [{\"answerKey\": \"51.main_problem\", \"themeId\": 7, \"accept\": true}]}";

    @PathParam("studyId")
    long studyId;

    @Inject
    SuggestedAnswers suggested;

    @Inject
    SuggestionDecisions decisions;

    @Inject
    Codebook codebook;

    @Inject
    ThemeSearch search;

    @Inject
    Studies studies;

    @Inject
    StudyAccess access;

    @GET
    public SuggestionsPage suggestions(@QueryParam("theme") String theme, @QueryParam("minConfidence") String minConfidence,
                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        Viewer viewer = access.viewer();
        Long themeId = theme == null ? null : SearchResource.number(theme, "theme", "The id of one of the study's themes.");
        if (themeId != null && codebook.themes(studyId).stream().noneMatch(t -> t.id() == themeId)) {
            throw ProblemException.invalidField("theme", "The study has no theme " + themeId + ".");
        }
        double least = confidence(minConfidence);
        int pageNumber = (int) SearchResource.bounded(page, "page", 1, 1, AnswerSearch.MAX_DEPTH);
        int pageSize = (int) SearchResource.bounded(size, "size", SearchResource.DEFAULT_SIZE, 1, AnswerSearch.MAX_SIZE);
        SearchResource.withinDepth(pageNumber, pageSize);

        SuggestedAnswers.Suggested found = suggested.of(viewer, themeId, least);
        int from = Math.min((pageNumber - 1) * pageSize, found.answers().size());
        List<SuggestedAnswers.SuggestedAnswer> shown = found.answers().subList(from,
                Math.min(from + pageSize, found.answers().size()));
        Map<String, SearchViews.HitView> hits = hits(viewer, shown.stream().map(SuggestedAnswers.SuggestedAnswer::answerKey).toList());
        return SuggestionsPage.of(found, shown, hits, pageNumber, pageSize, least, search.complete());
    }

    /** {@code {"decisions": [{"answerKey", "themeId", "accept"}]}}: accepted ones coded in, rejected ones out. */
    @POST
    @Path("decisions")
    public DecidedView decide(JsonObject body) {
        ThemeBodies.object(body, DECISIONS);
        if (!(body.get("decisions") instanceof JsonArray list) || list.isEmpty()) {
            throw ProblemException.invalidField("/decisions", "A list of 1 to " + SuggestionDecisions.MAX
                    + " decisions: " + DECISIONS + ".");
        }
        if (list.size() > SuggestionDecisions.MAX) {
            throw ProblemException.invalidField("/decisions", "At most " + SuggestionDecisions.MAX
                    + " decisions at once; send the rest in another call.");
        }
        List<Decision> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            read.add(decision(list.get(i), "/decisions/" + i));
        }
        return DecidedView.of(decisions.decide(access.viewer(), read));
    }

    private static Decision decision(JsonValue value, String pointer) {
        if (!(value instanceof JsonObject d)) {
            throw ProblemException.invalidField(pointer, "{\"answerKey\", \"themeId\", \"accept\"}.");
        }
        if (!(d.get("answerKey") instanceof JsonString key) || AnswerKey.parse(key.getString()).isEmpty()) {
            throw ProblemException.invalidField(pointer + "/answerKey", "An answer's key as the suggestions give it, e.g. 51.main_problem.");
        }
        if (!(d.get("themeId") instanceof JsonNumber theme) || !theme.isIntegral() || theme.longValue() <= 0) {
            throw ProblemException.invalidField(pointer + "/themeId", "The id of one of the study's themes.");
        }
        JsonValue accept = d.get("accept");
        if (accept != JsonValue.TRUE && accept != JsonValue.FALSE) {
            throw ProblemException.invalidField(pointer + "/accept", "true to code the answer into the theme, false to code it out.");
        }
        return new Decision(key.getString(), theme.longValue(), accept == JsonValue.TRUE);
    }

    private static double confidence(String value) {
        if (value == null) {
            return 0;
        }
        String expected = "A number from 0 to 1, e.g. 0.8.";
        double n;
        try {
            n = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("minConfidence", expected);
        }
        if (!(n >= 0 && n <= 1)) {
            throw ProblemException.invalidField("minConfidence", expected);
        }
        return n;
    }

    /** The page's answers as search shows them to this viewer, by key. */
    private Map<String, SearchViews.HitView> hits(Viewer viewer, List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var within = new TermInSetQuery(AnswerDocuments.ANSWER, keys.stream().map(BytesRef::new).toList());
        var request = new AnswerSearch.Request(studyId, null, null, null, null, null, 1, keys.size(),
                viewer.identified(), within);
        var found = search.search(viewer, request);
        Map<Long, String> waves = studies.find(studyId).waves().stream().collect(Collectors.toMap(Wave::id, Wave::name));
        return found.result().hits().stream().map(h -> SearchViews.HitView.of(h, viewer, found.actors().get(h.actorId()), waves))
                .collect(Collectors.toMap(SearchViews.HitView::answerKey, h -> h, (a, b) -> a));
    }
}
