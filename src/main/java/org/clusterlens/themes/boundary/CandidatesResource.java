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
import org.clusterlens.themes.boundary.CandidateViews.CandidatesView;
import org.clusterlens.themes.control.discovery.Background;
import org.clusterlens.themes.control.discovery.CandidateThemes;
import org.clusterlens.themes.control.discovery.IndexedSlice;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Candidate themes of a slice of a study's answers (docs/themes.md, "Discovery"): the same
 * members and the same view of who answered as search.
 */
@Path("studies/{studyId}/themes/candidates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class CandidatesResource {
    private static final Pattern QUESTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    @Inject
    CandidateThemes candidates;

    @Inject
    Studies studies;

    @Inject
    StudyAccess access;

    @GET
    public CandidatesView candidates(@PathParam("studyId") long studyId, @QueryParam("question") String question,
                                     @QueryParam("actorType") String actorType, @QueryParam("wave") String wave,
                                     @QueryParam("background") String background) {
        Viewer viewer = access.viewer();
        if (question != null && !QUESTION.matcher(question).matches()) {
            throw ProblemException.invalidField("question", "A question name: letters, digits and _, not starting with a digit.");
        }
        String type = actorType == null ? null : ActorType.parse(actorType).map(Enum::name).orElseThrow(() ->
                ProblemException.invalidField("actorType", "One of " + ActorType.names() + "."));
        Map<Long, String> waves = studies.find(studyId).waves().stream().collect(Collectors.toMap(Wave::id, Wave::name));
        Long waveId = wave == null ? null : waveId(wave, waves);
        Background against = background == null ? Background.STUDY : Background.parse(background).orElseThrow(() ->
                ProblemException.invalidField("background", "One of " + Arrays.stream(Background.values())
                        .map(Background::wireName).toList() + "."));
        var slice = new IndexedSlice.Slice(question, type, waveId);
        return CandidatesView.of(slice, against, candidates.discover(viewer, slice, against), viewer, waves);
    }

    private static long waveId(String wave, Map<Long, String> waves) {
        long id;
        try {
            id = Long.parseLong(wave.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("wave", "The id of one of the study's waves.");
        }
        if (!waves.containsKey(id)) {
            throw ProblemException.invalidField("wave", "The study has no wave " + id + ".");
        }
        return id;
    }
}
