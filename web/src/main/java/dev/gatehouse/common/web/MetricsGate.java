package dev.gatehouse.common.web;

import static dev.gatehouse.common.web.PlainAnswer.sentence;

import dev.gatehouse.config.Settings;
import dev.gatehouse.config.Settings.MetricsAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Payara serves {@code /metrics} (MicroProfile Metrics, Prometheus format) inside this application;
 * {@code GATEHOUSE_METRICS} says who may read it: anybody ({@code public}, the default: no personal
 * data is in it), a caller with a personal access token ({@code token}), or nobody ({@code off}).
 */
@WebFilter("/metrics/*")
public class MetricsGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private MetricsAccess access;

    @Override
    public void init() {
        access = Settings.fromEnvironment().metricsAccess();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (access == MetricsAccess.OFF) {
            sentence(response, HttpServletResponse.SC_NOT_FOUND, "Metrics are off on this server (" + Settings.METRICS + "=off).");
        } else if (access == MetricsAccess.TOKEN && request.getUserPrincipal() == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            sentence(response, HttpServletResponse.SC_UNAUTHORIZED, "These metrics need a personal access token as Bearer ("
                    + Settings.METRICS + "=token).");
        } else {
            chain.doFilter(request, response);
        }
    }
}
