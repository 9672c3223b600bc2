package dev.gatehouse.security.web;

import jakarta.servlet.http.HttpServletRequest;

/** The API's paths, called by programs with tokens as well as by browsers with sessions. */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
