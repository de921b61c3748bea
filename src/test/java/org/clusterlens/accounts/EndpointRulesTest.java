package org.clusterlens.accounts;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint the application ships says who may call it; none is open by omission. */
class EndpointRulesTest {
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 4, "found the resources: " + resources);
        List<String> undeclared = new ArrayList<>();
        int endpoints = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                endpoints++;
                if (!declaresAccess(method) && !declaresAccess(resource)) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(endpoints >= 15, "found " + endpoints + " endpoints");
        assertEquals(List.of(), undeclared);
    }

    @Test
    void onlyLoginAndTheRespondentLinksAreOpenToAnonymousCallers() throws Exception {
        List<String> open = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(PermitAll.class)
                        || (resource.isAnnotationPresent(PermitAll.class) && !method.isAnnotationPresent(RolesAllowed.class)
                        && HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent))) {
                    open.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        open.sort(null);
        assertEquals(List.of(
                "RespondResource.open", "RespondResource.openStudy", "RespondResource.receipt",
                "RespondResource.register", "RespondResource.saveDraft", "RespondResource.submit",
                "SessionResource.login"), open);
    }

    private static boolean declaresAccess(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** The application's own classes, as compiled into target/classes (test classes are elsewhere). */
    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, EndpointRulesTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return found;
    }
}
