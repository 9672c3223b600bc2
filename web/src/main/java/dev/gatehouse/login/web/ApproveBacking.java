package dev.gatehouse.login.web;

import dev.gatehouse.common.web.Messages;
import dev.gatehouse.login.boundary.LoginService;
import dev.gatehouse.login.entity.LoginRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The page the CLI sends people to: which machine asks, with which code, and approve or deny. */
@Named
@ViewScoped
public class ApproveBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    LoginService logins;

    private String code;
    private LoginRequest request;
    private boolean decided;

    public void load() {
        if (code != null && !code.isBlank()) {
            request = logins.open(code);
        }
    }

    public void approve() {
        request = logins.approve(code);
        decided = true;
        Messages.info("Approved. Go back to your terminal: it receives a personal access token named \"CLI login on "
                + request.getClientHostname() + "\".");
    }

    public void deny() {
        request = logins.deny(code);
        decided = true;
        Messages.info("Denied. The terminal that asked is told so, and gets no token.");
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public LoginRequest getRequest() {
        return request;
    }

    public boolean isDecided() {
        return decided;
    }
}
