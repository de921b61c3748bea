package org.clusterlens.studies.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.errors.ProblemException;
import org.clusterlens.studies.control.StudyAccess;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts every staff request that names a study, directly ({@code studies/{id}/…}) or through one of
 * its things ({@code invitations/{id}}, {@code responses/{id}}), through {@link StudyAccess} before
 * the resource runs, so that no endpoint can forget it. A method that leads may not call
 * ({@code @RolesAllowed} without {@code lead}) is fieldwork: in a study, only its agents do it.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100) // after the caller is known and their global role checked
public class StudyScope implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    StudyAccess access;

    @PersistenceContext
    EntityManager em;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String root = rootSegment(resource.getResourceClass());
        Optional<Scope> scope = switch (root) {
            case "studies" -> param(params, "studyId").or(() -> param(params, "id"))
                    .map(id -> new Scope(id, () -> ProblemException.notFound("There is no study " + id + ".")));
            case "invitations" -> param(params, "id").map(id -> new Scope(
                    studyOf("SELECT i.wave.study.id FROM Invitation i WHERE i.id = :id", id),
                    () -> ProblemException.notFound("There is no invitation " + id + ".")));
            case "responses" -> param(params, "id").map(id -> new Scope(
                    studyOf("SELECT r.studyId FROM Response r WHERE r.id = :id", id),
                    () -> ProblemException.notFound("There is no response " + id + ".")));
            default -> Optional.empty();
        };
        if (scope.isEmpty()) {
            return;
        }
        try {
            if (scope.get().studyId() == null) {
                throw scope.get().missing().get();
            }
            access.enter(scope.get().studyId(), isFieldwork(method), scope.get().missing());
        } catch (ProblemException refused) {
            request.abortWith(refused.problem().toResponse());
        }
    }

    private record Scope(Long studyId, Supplier<ProblemException> missing) {
    }

    private static String rootSegment(Class<?> type) {
        Path path = type.getAnnotation(Path.class);
        String value = path == null ? "" : path.value().replaceFirst("^/", "");
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
    }

    /** A study-scoped id that is not a number names nothing: the request goes on to its 404. */
    private static Optional<Long> param(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Long studyOf(String query, long id) {
        return em.createQuery(query, Long.class).setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    private boolean isFieldwork(Method method) {
        RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(resource.getResourceClass().getAnnotation(RolesAllowed.class));
        return roles != null && Arrays.stream(roles.value()).noneMatch(Role.LEAD::equals);
    }
}
