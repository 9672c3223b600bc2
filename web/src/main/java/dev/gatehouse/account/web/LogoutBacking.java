package dev.gatehouse.account.web;

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

    public void logOut() throws ServletException, IOException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?loggedOut=true");
    }
}
