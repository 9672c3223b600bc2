package dev.gatehouse.account.web;

import dev.gatehouse.security.web.SignIns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    ExternalContext external;

    @Inject
    SignIns signIns;

    public void logOut() throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        signIns.end(request);
        external.redirect(external.getRequestContextPath() + "/login?loggedOut=true");
    }
}
