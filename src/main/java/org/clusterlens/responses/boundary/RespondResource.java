package org.clusterlens.responses.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.platform.errors.Problem;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.responses.control.RegistrationThrottle;
import org.clusterlens.responses.control.Respondents;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.Invitation;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.Wave;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The respondent's side. No login: the token in the address is the credential. One instance
 * serves every request (the {@code @Context} fields are per-request proxies): creating and
 * injecting a resource per request was a tenth of a submission's CPU.
 */
@ApplicationScoped
@Path("respond")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class RespondResource {

    public record StudyInfo(String name, List<String> languages, String defaultLanguage) {
        static StudyInfo of(Study s) {
            return new StudyInfo(s.name(), s.languages(), s.defaultLanguage());
        }
    }

    /** {@code collecting}: "open", or "not_yet" and "closed" when answers are not taken today. */
    public record WaveInfo(String name, LocalDate opensOn, LocalDate closesOn, String collecting) {
        static WaveInfo of(Wave wave, LocalDate today) {
            return new WaveInfo(wave.name(), wave.opensOn(), wave.closesOn(),
                    wave.collectingOn(today).json());
        }
    }

    public record ActorInfo(String name, String type) {
    }

    /** A register entry a linkage question can pick, without contact details. */
    public record RegisterEntry(long id, String name, String type, String sector, String location) {
        static RegisterEntry of(Actor a) {
            return new RegisterEntry(a.id(), a.name(), a.type().name(), a.sector(), a.location());
        }
    }

    public record Draft(JsonObject answers, String language, int revision, Instant savedAt) {
        static Draft of(org.clusterlens.responses.entity.Response r) {
            return new Draft(Respondents.answersOf(r), r.language(), r.revision(), r.updatedAt());
        }
    }

    public record Receipt(String submissionId, Instant submittedAt) {
        static Receipt of(org.clusterlens.responses.entity.Response r) {
            return new Receipt(r.submissionId(), r.submittedAt());
        }
    }

    public record Questionnaire(StudyInfo study, WaveInfo wave, ActorInfo actor, JsonObject template,
                                List<RegisterEntry> register, String status, Draft draft, Receipt receipt) {
        /** With {@code "draft": null} and {@code "receipt": null} spelt out, as the form expects. */
        JsonObject toJson() {
            JsonObject written = Json.createReader(new StringReader(JSONB.toJson(this))).readObject();
            JsonObjectBuilder json = Json.createObjectBuilder(written);
            if (draft == null) {
                json.addNull("draft");
            }
            if (receipt == null) {
                json.addNull("receipt");
            }
            return json.build();
        }
    }

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** {@code Json.createReader} looks the provider up on every call; a submission needs it once. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public record Saved(int revision, Instant savedAt) {
    }

    public record Printable(Receipt receipt, JsonObject answers, String language, StudyInfo study, WaveInfo wave,
                            ActorInfo actor, JsonObject template) {
    }

    public record RegistrationField(String name, boolean required) {
    }

    /** {@code collecting}: whether a wave takes answers today, so that registering now leads somewhere. */
    public record OpenStudy(StudyInfo study, String actorType, boolean collecting, List<RegistrationField> fields) {
    }

    public record Registered(String token) {
    }

    @Inject
    Respondents respondents;

    @Inject
    RegistrationThrottle throttle;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Path("{token}")
    public JsonObject open(@PathParam("token") String token) {
        Respondents.Opened opened = respondents.open(token);
        Invitation i = opened.invitation();
        var response = opened.response();
        return new Questionnaire(StudyInfo.of(i.wave().study()), WaveInfo.of(i.wave(), LocalDate.now()),
                new ActorInfo(i.actor().name(), i.actor().type().name()), Templates.document(opened.template()),
                opened.register().stream().map(RegisterEntry::of).toList(), i.status().json(),
                response.filter(r -> !r.isSubmitted()).map(Draft::of).orElse(null),
                response.filter(r -> r.isSubmitted()).map(Receipt::of).orElse(null)).toJson();
    }

    @PUT
    @Path("{token}/draft")
    public Response saveDraft(@PathParam("token") String token, String body) {
        try {
            var saved = respondents.saveDraft(token, object(body), LocalDate.now());
            return Response.ok(new Saved(saved.revision(), saved.updatedAt())).build();
        } catch (Respondents.DraftConflict conflict) {
            JsonObjectBuilder current = Json.createObjectBuilder();
            conflict.current().ifPresentOrElse(r -> current.add("answers", Respondents.answersOf(r))
                            .add("revision", r.revision()).add("savedAt", r.updatedAt().toString()),
                    () -> current.add("answers", JsonValue.EMPTY_JSON_OBJECT).add("revision", 0)
                            .addNull("savedAt"));
            JsonObject problem = Json.createObjectBuilder()
                    .add("type", "about:blank").add("title", "Conflict").add("status", 409)
                    .add("detail", "These answers were changed in another window or on another device since you "
                            + "loaded them. Choose which answers to keep, then save again.")
                    .add("instance", uri.getRequestUri().getRawPath().replace(token, "…"))
                    .add("current", current).build();
            // a String entity, because the problem+json writer handles only the Problem record
            return Response.status(409).type(Problem.MEDIA).entity(problem.toString()).build();
        }
    }

    @POST
    @Path("{token}/submission")
    public Response submit(@PathParam("token") String token, String body) {
        Respondents.Submitted submitted = respondents.submit(token, object(body), LocalDate.now());
        Receipt receipt = Receipt.of(submitted.response());
        if (!submitted.created()) {
            return Response.ok(receipt).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("respond/{token}/receipt").build(token))
                .entity(receipt).build();
    }

    @GET
    @Path("{token}/receipt")
    public Printable receipt(@PathParam("token") String token) {
        Respondents.Opened opened = respondents.receipt(token);
        Invitation i = opened.invitation();
        var response = opened.response().orElseThrow();
        return new Printable(Receipt.of(response), Respondents.answersOf(response), response.language(),
                StudyInfo.of(i.wave().study()), WaveInfo.of(i.wave(), LocalDate.now()),
                new ActorInfo(i.actor().name(), i.actor().type().name()), Templates.document(opened.template()));
    }

    @GET
    @Path("open/{openToken}")
    public OpenStudy openStudy(@PathParam("openToken") String openToken) {
        Study study = respondents.openLinkStudy(openToken);
        return new OpenStudy(StudyInfo.of(study), study.openActorType().name(),
                study.currentWave(LocalDate.now()).isPresent(), List.of(
                new RegistrationField("name", true), new RegistrationField("type", false),
                new RegistrationField("sector", false), new RegistrationField("location", false),
                new RegistrationField("email", false)));
    }

    @POST
    @Path("open/{openToken}/registration")
    public Response register(@PathParam("openToken") String openToken, String body) {
        OptionalLong wait = throttle.acquire(request.getRemoteAddr(), openToken);
        if (wait.isPresent()) {
            return Response.fromResponse(Problem.of(429, "Too Many Requests",
                            "Too many registrations from your address. Try again in " + wait.getAsLong() + " seconds.")
                    .toResponse()).header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
        }
        Respondents.Registered registered = respondents.register(openToken, object(body), LocalDate.now());
        return Response.created(uri.getBaseUriBuilder().path("respond/{token}").build(registered.token().value()))
                .entity(new Registered(registered.token().value())).build();
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("/", "The request body is empty; send a JSON object.");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.invalidField("/", "Send a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw e;
        } catch (JsonException e) {
            throw ProblemException.invalidField("/", "The request body is not valid JSON.");
        }
    }
}
