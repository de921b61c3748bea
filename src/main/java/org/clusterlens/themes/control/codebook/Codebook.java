package org.clusterlens.themes.control.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.themes.control.ThemeSearch;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A study's codebook: its themes and their rules (names unique per study whatever their case,
 * two levels, a query in the search syntax). Agents and leads of the study edit it alike. Every
 * change is audited ({@code subjectType=theme}, the theme's id) and made under a lock on the
 * study, so that two people's changes to one codebook happen one after the other.
 */
@ApplicationScoped
@Transactional
public class Codebook {
    static final String SUBJECT = "theme";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ThemeSearch search;

    @Inject
    CodedAnswers coded;

    /**
     * A change to a theme: a null {@code name}, {@code description} or {@code query} is left as it
     * is; the parent changes only when {@code parentGiven}.
     */
    public record Edit(long version, String name, String description, String query, boolean parentGiven, Long parentId) {
    }

    public List<Theme> themes(long studyId) {
        return em.createNamedQuery(Theme.OF_STUDY, Theme.class).setParameter("study", studyId).getResultList();
    }

    public Theme theme(long studyId, long themeId) {
        Theme theme = em.find(Theme.class, themeId);
        if (theme == null || theme.studyId() != studyId) {
            throw ProblemException.notFound("The study has no theme " + themeId + ".");
        }
        return theme;
    }

    public List<HandCode> codes(List<Long> themeIds) {
        if (themeIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(HandCode.OF_THEMES, HandCode.class).setParameter("themes", themeIds).getResultList();
    }

    public Theme create(Viewer viewer, ThemeRules.Draft draft, Theme.Origin origin) {
        lockStudy(viewer.studyId());
        check(viewer.studyId(), draft, "", null);
        Theme parent = draft.parentId() == null ? null : parent(viewer.studyId(), draft.parentId(), "/parentId");
        Theme theme = new Theme(viewer.studyId(), draft.name(), draft.description(), draft.query(), origin, viewer.caller());
        em.persist(theme);
        em.flush();
        place(theme, parent, "/parentId", viewer.caller());
        audit.record(viewer.caller(), Action.CREATED, SUBJECT, String.valueOf(theme.id()), "study " + viewer.studyId()
                + ": “" + theme.name() + "” (" + origin + ")" + queryNote(theme.query()));
        return theme;
    }

    public Theme edit(Viewer viewer, long themeId, Edit edit) {
        lockStudy(viewer.studyId());
        Theme theme = theme(viewer.studyId(), themeId);
        current(theme, edit.version());
        ThemeRules.Draft draft = new ThemeRules.Draft(edit.name() == null ? theme.name() : edit.name(),
                edit.description(), edit.query(), edit.parentId());
        check(viewer.studyId(), draft, "", theme.id());
        List<String> changed = new ArrayList<>();
        if (edit.name() != null && !edit.name().strip().equals(theme.name())) {
            changed.add("renamed “" + theme.name() + "” to “" + edit.name().strip() + "”");
            theme.rename(edit.name(), viewer.caller());
        }
        if (edit.description() != null && !edit.description().strip().equals(theme.description())) {
            changed.add("description");
            theme.describe(edit.description(), viewer.caller());
        }
        if (edit.query() != null && !edit.query().strip().equals(theme.query())) {
            changed.add("query" + queryNote(edit.query().strip()));
            theme.redefine(edit.query(), viewer.caller());
        }
        if (edit.parentGiven() && !Objects.equals(edit.parentId(), theme.parentId())) {
            Theme parent = edit.parentId() == null ? null : parent(viewer.studyId(), edit.parentId(), "/parentId");
            place(theme, parent, "/parentId", viewer.caller());
            changed.add(parent == null ? "now a top-level theme" : "now under “" + parent.name() + "”");
        }
        if (!changed.isEmpty()) {
            em.flush();
            audit.record(viewer.caller(), Action.CHANGED, SUBJECT, String.valueOf(theme.id()),
                    "study " + viewer.studyId() + ": " + String.join("; ", changed));
        }
        return theme;
    }

    /** Its sub-themes become top-level themes; its hand codes go with it. */
    public void delete(Viewer viewer, long themeId, Long version) {
        lockStudy(viewer.studyId());
        Theme theme = theme(viewer.studyId(), themeId);
        if (version != null) {
            current(theme, version);
        }
        for (Theme child : children(theme)) {
            child.placeUnder(null, false, viewer.caller());
        }
        codes(List.of(theme.id())).forEach(em::remove);
        // hand codes and sub-themes refer to the theme by plain columns, so nothing orders their writes before its delete
        em.flush();
        em.remove(theme);
        em.flush();
        audit.record(viewer.caller(), Action.DELETED, SUBJECT, String.valueOf(themeId),
                "study " + viewer.studyId() + ": “" + theme.name() + "”");
    }

    /**
     * Merges {@code themeId} into {@code intoId}: the merged theme holds exactly the answers that
     * were in either, its query the two queries OR-ed. Where hand codes of the two disagree, or a
     * code of one was overridden by the other's query, the answer stays in: it was in one of them.
     */
    public Theme merge(Viewer viewer, long themeId, long intoId, Long version) {
        lockStudy(viewer.studyId());
        Theme from = theme(viewer.studyId(), themeId);
        if (version != null) {
            current(from, version);
        }
        if (intoId == themeId) {
            throw ProblemException.invalidField("/into", "A theme is merged into another one, not into itself.");
        }
        Theme into;
        try {
            into = theme(viewer.studyId(), intoId);
        } catch (ProblemException e) {
            throw ProblemException.invalidField("/into", "The study has no theme " + intoId + ".");
        }
        String query = ThemeRules.either(from.query(), into.query());
        List<FieldError> problems = ThemeRules.problems(new ThemeRules.Draft(into.name(), null, query, null), "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalidField("/into", "The two queries together are too long for one theme ("
                    + query.length() + " characters); shorten one of them first.");
        }
        search.parsed(viewer.studyId(), query, "/into");

        List<Theme> fromChildren = children(from).stream().filter(c -> !c.id().equals(into.id())).toList();
        Long intoParent = Objects.equals(into.parentId(), from.id()) ? from.parentId() : into.parentId();
        if (intoParent != null && !fromChildren.isEmpty()) {
            throw ProblemException.invalidField("/into", "“" + from.name() + "” has themes under it, and “" + into.name()
                    + "” is itself under another theme: they would become a third level.");
        }
        if (!Objects.equals(intoParent, into.parentId())) {
            into.placeUnder(intoParent == null ? null : em.find(Theme.class, intoParent), false, viewer.caller());
        }
        fromChildren.forEach(c -> c.placeUnder(into, false, viewer.caller()));

        mergeCodes(viewer, from, into);
        into.redefine(query, viewer.caller());
        if (!from.description().isEmpty() && !into.description().contains(from.description())) {
            into.describe(into.description().isEmpty() ? from.description()
                    : into.description() + "\n\n" + from.description(), viewer.caller());
        }
        em.flush();
        em.remove(from);
        em.flush();
        String detail = "study " + viewer.studyId() + ": “" + from.name() + "” (" + from.id() + ") merged into “"
                + into.name() + "” (" + into.id() + ")" + queryNote(query);
        audit.record(viewer.caller(), Action.DELETED, SUBJECT, String.valueOf(from.id()), detail);
        audit.record(viewer.caller(), Action.CHANGED, SUBJECT, String.valueOf(into.id()), detail);
        return into;
    }

    private void mergeCodes(Viewer viewer, Theme from, Theme into) {
        Map<String, HandCode> fromCodes = byKey(codes(List.of(from.id())));
        Map<String, HandCode> intoCodes = byKey(codes(List.of(into.id())));
        Set<String> keys = new LinkedHashSet<>(fromCodes.keySet());
        keys.addAll(intoCodes.keySet());
        Set<String> matchFrom = coded.matching(viewer.studyId(), from.query(), keys);
        Set<String> matchInto = coded.matching(viewer.studyId(), into.query(), keys);
        for (String key : keys) {
            HandCode a = fromCodes.get(key);
            HandCode b = intoCodes.get(key);
            boolean inFrom = a != null ? a.codedIn() : matchFrom.contains(key);
            boolean inInto = b != null ? b.codedIn() : matchInto.contains(key);
            boolean in = inFrom || inInto;
            if (b != null) {
                if (b.codedIn() != in) {
                    b.recode(in, viewer.caller());
                }
                if (a != null) {
                    em.remove(a);
                }
            } else {
                a.moveTo(into.id());
                if (a.codedIn() != in) {
                    a.recode(in, viewer.caller());
                }
            }
        }
    }

    /**
     * Splits a theme in two: the theme itself becomes the first part (keeping its id, place,
     * sub-themes and hand codes), and the second is a new theme beside it. An answer coded out
     * of the theme by hand stays out of both parts.
     */
    public List<Theme> split(Viewer viewer, long themeId, long version, ThemeRules.Draft first, ThemeRules.Draft second) {
        lockStudy(viewer.studyId());
        Theme theme = theme(viewer.studyId(), themeId);
        current(theme, version);
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(problems(viewer.studyId(), first, "/parts/0"));
        errors.addAll(problems(viewer.studyId(), second, "/parts/1"));
        if (errors.isEmpty() && Theme.nameKey(first.name()).equals(Theme.nameKey(second.name()))) {
            errors.add(new FieldError("/parts/1/name", "The two parts need different names."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The split has " + errors.size() + " problem(s).", errors);
        }
        nameFree(viewer.studyId(), first.name(), theme.id(), "/parts/0/name");
        nameFree(viewer.studyId(), second.name(), theme.id(), "/parts/1/name");
        String oldName = theme.name();
        theme.rename(first.name(), viewer.caller());
        theme.redefine(first.query(), viewer.caller());
        if (first.description() != null) {
            theme.describe(first.description(), viewer.caller());
        }
        Theme other = new Theme(viewer.studyId(), second.name(),
                second.description() == null ? theme.description() : second.description(), second.query(),
                Theme.Origin.hand, viewer.caller());
        em.persist(other);
        em.flush();
        if (theme.parentId() != null) {
            other.placeUnder(em.find(Theme.class, theme.parentId()), false, viewer.caller());
        }
        for (HandCode code : codes(List.of(theme.id()))) {
            if (!code.codedIn()) {
                em.persist(new HandCode(other.id(), code.answerKey(), code.responseId(), false, code.codedBy()));
            }
        }
        em.flush();
        String detail = "study " + viewer.studyId() + ": “" + oldName + "” split into “" + theme.name() + "” ("
                + theme.id() + ")" + queryNote(theme.query()) + " and “" + other.name() + "” (" + other.id() + ")"
                + queryNote(other.query());
        audit.record(viewer.caller(), Action.CHANGED, SUBJECT, String.valueOf(theme.id()), detail);
        audit.record(viewer.caller(), Action.CREATED, SUBJECT, String.valueOf(other.id()), detail);
        return List.of(theme, other);
    }

    /** The rules of one draft, its query parsed as the study's searches are; names aside. */
    List<FieldError> problems(long studyId, ThemeRules.Draft draft, String prefix) {
        List<FieldError> errors = new ArrayList<>(ThemeRules.problems(draft, prefix));
        if (draft.query() != null && errors.stream().noneMatch(e -> e.field().equals(prefix + "/query"))) {
            try {
                search.parsed(studyId, draft.query(), prefix + "/query");
            } catch (ProblemException e) {
                errors.addAll(e.problem().errors());
            }
        }
        return errors;
    }

    /** The rules of one draft: 400 with every problem, then 409 for a name another theme has. */
    private void check(long studyId, ThemeRules.Draft draft, String prefix, Long themeId) {
        List<FieldError> errors = problems(studyId, draft, prefix);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The theme has " + errors.size() + " problem(s).", errors);
        }
        nameFree(studyId, draft.name(), themeId, prefix + "/name");
    }

    private void nameFree(long studyId, String name, Long themeId, String field) {
        List<Theme> same = em.createQuery("SELECT t FROM Theme t WHERE t.studyId = :study AND t.nameKey = :key", Theme.class)
                .setParameter("study", studyId).setParameter("key", Theme.nameKey(name)).getResultList();
        if (same.stream().anyMatch(t -> !t.id().equals(themeId))) {
            throw new ProblemException(ProblemException.conflict("The study already has a theme named “"
                    + same.getFirst().name() + "”; names are compared without regard to case.").problem()
                    .withErrors(List.of(new FieldError(field, "already the name of another theme"))));
        }
    }

    private Theme parent(long studyId, long parentId, String field) {
        Theme parent = em.find(Theme.class, parentId);
        if (parent == null || parent.studyId() != studyId) {
            throw ProblemException.invalidField(field, "The study has no theme " + parentId + ".");
        }
        return parent;
    }

    private void place(Theme theme, Theme parent, String field, String by) {
        try {
            theme.placeUnder(parent, parent != null && !children(theme).isEmpty(), by);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    private List<Theme> children(Theme theme) {
        return em.createQuery("SELECT t FROM Theme t WHERE t.parentId = :id ORDER BY t.id", Theme.class)
                .setParameter("id", theme.id()).getResultList();
    }

    private static void current(Theme theme, long version) {
        if (theme.version() != version) {
            throw ProblemException.conflict("“" + theme.name() + "” was changed by somebody else (version "
                    + theme.version() + "); reload it and make your change again.");
        }
    }

    void lockStudy(long studyId) {
        em.find(Study.class, studyId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Map<String, HandCode> byKey(List<HandCode> codes) {
        Map<String, HandCode> map = new LinkedHashMap<>();
        codes.forEach(c -> map.put(c.answerKey(), c));
        return map;
    }

    private static String queryNote(String query) {
        return query == null || query.isBlank() ? "" : " query " + query;
    }
}
