package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.themes.control.StopWords;

import java.util.List;

/**
 * A study's own stop words, which its agents keep: words left out of search and themes besides
 * each language's stop words. A change reindexes the study's answers in the background.
 */
@Path("studies/{studyId}/themes/stopwords")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT})
public class StopWordsResource {

    /** {@code revision}: the one read, 0 for a study without stop words yet. */
    public record StopWordsChange(List<String> words, Long revision) {
    }

    @Inject
    StopWords stopWords;

    @Inject
    SecurityContext security;

    @GET
    public StopWords.Listed get(@PathParam("studyId") long studyId) {
        return stopWords.of(studyId);
    }

    @PUT
    public StopWords.Listed replace(@PathParam("studyId") long studyId, StopWordsChange change) {
        if (change == null || change.words() == null) {
            throw ProblemException.invalidField("/words", "Send {\"words\": [\"cluster\", …], \"revision\": n}.");
        }
        if (change.revision() == null || change.revision() < 0) {
            throw ProblemException.invalidField("/revision", "The revision you read (GET gives it; 0 when there are no stop words yet).");
        }
        return stopWords.replace(studyId, change.words(), change.revision(), security.getCallerPrincipal().getName());
    }
}
