package dev.gatehouse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every business method of every EJB states who may call it ({@code @RolesAllowed}, or
 * {@code @PermitAll} with its reason in the code), on the method or on its class: a method without
 * one would be open to anyone the container lets in, and no HTTP test reaches every method anonymously.
 */
class RolesStatedTest {

    @Test
    void everyBusinessMethodOfEveryEjbStatesItsRoles() throws Exception {
        List<Class<?>> beans = ejbs();
        assertTrue(beans.size() >= 15, "the scan finds the EJBs: " + beans);
        List<String> silent = new ArrayList<>();
        for (Class<?> bean : beans) {
            for (Method method : bean.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !states(method) && !states(bean)) {
                    silent.add(bean.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), silent, "business methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    private static boolean states(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** The session beans among this module's compiled classes. */
    private static List<Class<?>> ejbs() throws Exception {
        Path classes = classesFolder();
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, RolesStatedTest.class.getClassLoader());
                if (Stream.of(Stateless.class, Singleton.class, Stateful.class).anyMatch(type::isAnnotationPresent)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }

    private static Path classesFolder() throws URISyntaxException {
        // Where Roles.class was loaded from: target/classes, not the test classes.
        return Path.of(Roles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
