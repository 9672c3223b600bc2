package dev.gatehouse.login.rest;

import dev.gatehouse.login.boundary.LoginService;
import dev.gatehouse.login.boundary.LoginService.Collected;
import dev.gatehouse.login.boundary.LoginService.Started;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The CLI's side of the browser log-in, shaped after RFC 8628: form-encoded requests, JSON answers,
 * and its error codes ({@code authorization_pending}, {@code slow_down}, {@code access_denied},
 * {@code expired_token}) with a sentence for people.
 */
@Path("login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LoginResource {

    @EJB
    LoginService logins;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    public record StartedView(String deviceCode, String userCode, String verificationUri,
            String verificationUriComplete, long interval, long expiresIn) {
    }

    public record TokenView(String token, String name) {
    }

    public record ErrorView(String error, String message) {
    }

    @POST
    @Path("requests")
    public StartedView start(@FormParam("hostname") String hostname) {
        Started started = logins.start(hostname, request.getRemoteAddr());
        String approve = uri.getBaseUri().resolve("../approve").toString();
        return new StartedView(started.deviceCode(), started.userCode(), approve,
                approve + "?code=" + started.userCode(), started.intervalSeconds(), started.expiresInSeconds());
    }

    @POST
    @Path("token")
    public Response collect(@FormParam("deviceCode") String deviceCode) {
        Collected collected = logins.poll(deviceCode);
        return switch (collected.state()) {
            case READY -> Response.ok(new TokenView(collected.token().secret(), collected.token().token().getName())).build();
            case PENDING -> error("authorization_pending", "Waiting for approval in the browser.");
            case SLOW_DOWN -> error("slow_down", "Polling too fast: wait the interval between polls.");
            case DENIED -> error("access_denied", "The log-in was denied in the browser.");
            case EXPIRED -> error("expired_token", "The log-in request expired before it was approved. Run `gatehouse login` again.");
            case ALREADY_USED -> error("invalid_grant", "This log-in request has been used already. Run `gatehouse login` again.");
        };
    }

    private static Response error(String code, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorView(code, message)).build();
    }
}
