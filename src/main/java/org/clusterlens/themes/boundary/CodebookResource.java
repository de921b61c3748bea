package org.clusterlens.themes.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.StudyAccess;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Wave;
import org.clusterlens.themes.boundary.CodebookViews.CodeView;
import org.clusterlens.themes.boundary.CodebookViews.ThemeView;
import org.clusterlens.themes.boundary.SearchViews.SearchPage;
import org.clusterlens.themes.control.AnswerSearch;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.control.codebook.Codebook;
import org.clusterlens.themes.control.codebook.CodebookFile;
import org.clusterlens.themes.control.codebook.CodebookImport;
import org.clusterlens.themes.control.codebook.CodedAnswers;
import org.clusterlens.themes.control.codebook.CodedAnswersFile;
import org.clusterlens.themes.control.codebook.HandCoding;
import org.clusterlens.themes.control.codebook.ThemeRules;
import org.clusterlens.themes.entity.Theme;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A study's codebook (docs/themes.md): themes defined by saved queries, which code every answer
 * as it is indexed, hand codes that override them, and counts with small cells suppressed. Agents
 * and leads of the study edit it alike: a lead accepts candidate themes into it. (One class for
 * the whole {@code themes} subtree but stop words and candidates, which have their own.)
 */
@Path("studies/{studyId}/themes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.AGENT, Role.LEAD})
public class CodebookResource {
    private static final String THEME = "{themeId}";
    private static final String DRAFT = "{\"name\": \"Energy costs\", \"description\": \"…\", \"query\": \"power OR electricity\", \"parentId\": null}";

    @PathParam("studyId")
    long studyId;

    @Inject
    Codebook codebook;

    @Inject
    HandCoding handCoding;

    @Inject
    CodedAnswers coded;

    @Inject
    ThemeSearch search;

    @Inject
    Studies studies;

    @Inject
    StudyAccess access;

    @Inject
    CodedAnswersFile codedFile;

    @Inject
    CodebookImport codebookImport;

    @Context
    UriInfo uri;

    @GET
    public List<ThemeView> list() {
        Viewer viewer = access.viewer();
        List<Theme> themes = codebook.themes(studyId);
        Map<Long, Integer> counts = answerCounts(viewer, themes);
        return themes.stream().map(t -> ThemeView.of(t, counts.get(t.id()))).toList();
    }

    /** {@code origin}: {@code candidate} for a theme accepted from discovery, else {@code hand}. */
    @POST
    public Response create(JsonObject body) {
        ThemeBodies.object(body, DRAFT);
        Theme.Origin origin = origin(ThemeBodies.text(body, "origin", ""));
        Theme theme = codebook.create(access.viewer(), ThemeBodies.draft(body, ""), origin);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(theme.id())).build())
                .entity(view(access.viewer(), theme)).build();
    }

    @GET
    @Path(THEME)
    public ThemeView get(@PathParam("themeId") long themeId) {
        return view(access.viewer(), codebook.theme(studyId, themeId));
    }

    /** The whole theme as it should be: a description, query or parent left out is emptied. */
    @PUT
    @Path(THEME)
    public ThemeView replace(@PathParam("themeId") long themeId, JsonObject body) {
        ThemeBodies.object(body, DRAFT.replace("}", ", \"version\": 3}"));
        long version = ThemeBodies.version(body);
        ThemeRules.Draft d = ThemeBodies.draft(body, "");
        var edit = new Codebook.Edit(version, d.name() == null ? "" : d.name(), orEmpty(d.description()),
                orEmpty(d.query()), true, d.parentId());
        return view(access.viewer(), codebook.edit(access.viewer(), themeId, edit));
    }

    /** Only the fields sent change; {@code "parentId": null} makes it a top-level theme. */
    @PATCH
    @Path(THEME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ThemeView change(@PathParam("themeId") long themeId, JsonObject body) {
        ThemeBodies.object(body, "{\"name\": \"Energy costs\", \"version\": 3}");
        long version = ThemeBodies.version(body);
        ThemeRules.Draft d = ThemeBodies.draft(body, "");
        if (body.containsKey("name") && d.name() == null) {
            throw ProblemException.invalidField("/name", "A name, not an empty text.");
        }
        var edit = new Codebook.Edit(version, d.name(), body.containsKey("description") ? orEmpty(d.description()) : null,
                body.containsKey("query") ? orEmpty(d.query()) : null, body.containsKey("parentId"), d.parentId());
        return view(access.viewer(), codebook.edit(access.viewer(), themeId, edit));
    }

    /** Its sub-themes become top-level themes. {@code version}, when given, must be the current one. */
    @DELETE
    @Path(THEME)
    public Response delete(@PathParam("themeId") long themeId, @QueryParam("version") String version) {
        Long expected = version == null ? null : SearchResource.number(version, "version", "The version of the theme you read.");
        codebook.delete(access.viewer(), themeId, expected);
        return Response.noContent().build();
    }

    /** {@code {"into": 12, "version": 3}}: this theme goes into theme 12, which is returned. */
    @POST
    @Path(THEME + "/merge")
    public ThemeView merge(@PathParam("themeId") long themeId, JsonObject body) {
        ThemeBodies.object(body, "{\"into\": 12, \"version\": 3}");
        Long into = ThemeBodies.id(body, "into", "");
        if (into == null) {
            throw ProblemException.invalidField("/into", "The id of the theme to merge this one into.");
        }
        Long version = body.containsKey("version") ? ThemeBodies.version(body) : null;
        return view(access.viewer(), codebook.merge(access.viewer(), themeId, into, version));
    }

    /** {@code {"version": 3, "parts": [{"name", "query", "description"}, {…}]}}: the theme and the new one. */
    @POST
    @Path(THEME + "/split")
    public List<ThemeView> split(@PathParam("themeId") long themeId, JsonObject body) {
        ThemeBodies.object(body, "{\"version\": 3, \"parts\": [{\"name\": \"…\", \"query\": \"…\"}, {\"name\": \"…\", \"query\": \"…\"}]}");
        long version = ThemeBodies.version(body);
        if (!(body.get("parts") instanceof jakarta.json.JsonArray parts) || parts.size() != 2
                || !parts.stream().allMatch(p -> p instanceof JsonObject)) {
            throw ProblemException.invalidField("/parts", "Two parts, each {\"name\", \"query\", \"description\"}.");
        }
        List<ThemeRules.Draft> drafts = List.of(ThemeBodies.draft(parts.getJsonObject(0), "/parts/0"),
                ThemeBodies.draft(parts.getJsonObject(1), "/parts/1"));
        Viewer viewer = access.viewer();
        List<Theme> split = codebook.split(viewer, themeId, version, drafts.get(0), drafts.get(1));
        Map<Long, Integer> counts = answerCounts(viewer, split);
        return split.stream().map(t -> ThemeView.of(t, counts.get(t.id()))).toList();
    }

    /** The theme's answers, the same hits as search gives, highlighted by the theme's query. */
    @GET
    @Path(THEME + "/answers")
    public SearchPage answers(@PathParam("themeId") long themeId, @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        Viewer viewer = access.viewer();
        Theme theme = codebook.theme(studyId, themeId);
        int pageNumber = (int) SearchResource.bounded(page, "page", 1, 1, AnswerSearch.MAX_DEPTH);
        int pageSize = (int) SearchResource.bounded(size, "size", SearchResource.DEFAULT_SIZE, 1, AnswerSearch.MAX_SIZE);
        SearchResource.withinDepth(pageNumber, pageSize);
        var membership = coded.membership(theme, codebook.codes(List.of(theme.id())), search.analysis(studyId));
        var request = new AnswerSearch.Request(studyId, theme.query(), null, null, null, null, pageNumber, pageSize,
                viewer.identified());
        return SearchResource.withThemes(SearchPage.of(theme.query(), pageNumber, pageSize,
                search.search(viewer, request, membership), viewer, waves()), studyId, codebook, coded);
    }

    /** Codes the answer into the theme by hand, whatever its query says. */
    @PUT
    @Path(THEME + "/answers/{answerKey}")
    @Consumes(MediaType.WILDCARD)
    public CodeView codeIn(@PathParam("themeId") long themeId, @PathParam("answerKey") String answerKey) {
        return CodeView.of(handCoding.code(access.viewer(), themeId, answerKey, true));
    }

    /** Codes the answer out of the theme by hand, whatever its query says. */
    @DELETE
    @Path(THEME + "/answers/{answerKey}")
    @Consumes(MediaType.WILDCARD)
    public CodeView codeOut(@PathParam("themeId") long themeId, @PathParam("answerKey") String answerKey) {
        return CodeView.of(handCoding.code(access.viewer(), themeId, answerKey, false));
    }

    /** Answers per theme and category (by actor type unless told), and per pair of themes; cells under k suppressed. */
    @GET
    @Path("counts")
    public JsonObject counts(@QueryParam("by") String by) {
        String wanted = by == null ? CodedAnswers.By.actorType.name() : by;
        CodedAnswers.By dimension = Arrays.stream(CodedAnswers.By.values()).filter(b -> b.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("by", "One of actorType, sector, wave."));
        Viewer viewer = access.viewer();
        List<Theme> themes = codebook.themes(studyId);
        int k = studies.find(studyId).k();
        var memberships = coded.memberships(studyId, themes, codebook.codes(themes.stream().map(Theme::id).toList()));
        var table = coded.table(studyId, memberships, dimension, viewer.identified(), k);
        return CodebookViews.counts(dimension, k, search.complete(), table,
                themes.stream().collect(Collectors.toMap(Theme::id, Function.identity())), waves());
    }

    /** The codebook as CSV: name, parent (by name), description, query, origin; every cell quoted. */
    @GET
    @Path("codebook.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response exportCsv() {
        return file(CodebookFile.csv(codebook.themes(studyId)), "codebook.csv");
    }

    /** The codebook as a REFI-QDA codebook, for NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette. */
    @GET
    @Path("codebook.qdc")
    @Produces("application/xml; charset=UTF-8")
    public Response exportQdc() {
        return file(CodebookFile.qdc(studyId, codebook.themes(studyId)), "codebook.qdc");
    }

    /**
     * Adds the themes of a codebook file: CSV as exported ({@code text/csv}) or a REFI-QDA codebook
     * ({@code application/xml}). Nothing is imported unless every line is right; 201 with the new themes.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/x-qdc"})
    public Response importFile(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] file) {
        byte[] bytes = file == null ? new byte[0] : file;
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        var read = csv ? CodebookFile.readCsv(bytes) : CodebookFile.readQdc(bytes);
        Viewer viewer = access.viewer();
        List<Theme> created = codebookImport.importFile(viewer, read);
        Map<Long, Integer> counts = answerCounts(viewer, created);
        return Response.status(Response.Status.CREATED)
                .entity(created.stream().map(t -> ThemeView.of(t, counts.get(t.id()))).toList()).build();
    }

    /** Every coded answer, a line per answer and theme; pseudonymised for leads. */
    @GET
    @Path("coded.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response codedAnswers() {
        Viewer viewer = access.viewer();
        StreamingOutput body = out -> codedFile.write(viewer, out);
        return Response.ok(body).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"study-" + studyId + "-coded-answers.csv\"").build();
    }

    private Response file(String content, String name) {
        return Response.ok(content).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"study-" + studyId + "-" + name + "\"").build();
    }

    private Map<Long, Integer> answerCounts(Viewer viewer, List<Theme> themes) {
        var memberships = coded.memberships(studyId, themes, codebook.codes(themes.stream().map(Theme::id).toList()));
        return coded.counts(studyId, memberships, viewer.identified());
    }

    private ThemeView view(Viewer viewer, Theme theme) {
        return ThemeView.of(theme, answerCounts(viewer, List.of(theme)).get(theme.id()));
    }

    private Map<Long, String> waves() {
        return studies.find(studyId).waves().stream().collect(Collectors.toMap(Wave::id, Wave::name));
    }

    private static Theme.Origin origin(String value) {
        if (value == null) {
            return Theme.Origin.hand;
        }
        return Arrays.stream(Theme.Origin.values()).filter(o -> o.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("/origin", "hand or candidate."));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
