package dev.gatehouse.security.web;

import jakarta.servlet.http.HttpServletRequest;

/** The paths called by programs with tokens rather than by browsers with sessions. */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/nx/");
    }
}
