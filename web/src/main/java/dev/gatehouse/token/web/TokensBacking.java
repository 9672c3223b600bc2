package dev.gatehouse.token.web;

import dev.gatehouse.common.web.Messages;
import dev.gatehouse.token.boundary.TokenService;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.TokenStatus;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The "Personal access tokens" tab: the caller's tokens and their revocation, with confirmation. */
@Named
@ViewScoped
public class TokensBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TokenService tokens;

    private List<PersonalAccessToken> list;
    private PersonalAccessToken confirming;

    public List<PersonalAccessToken> getList() {
        if (list == null) {
            list = tokens.mine();
        }
        return list;
    }

    public TokenStatus status(PersonalAccessToken token) {
        return token.status(Instant.now());
    }

    public void askToRevoke(PersonalAccessToken token) {
        confirming = token;
    }

    public void refresh() {
        list = null;
    }

    public void cancel() {
        confirming = null;
    }

    public void revoke() {
        PersonalAccessToken revoked = tokens.revoke(confirming.getId());
        confirming = null;
        refresh();
        Messages.info("Token " + revoked.getName() + " revoked. Programs using it are refused from their next request on.");
    }

    public PersonalAccessToken getConfirming() {
        return confirming;
    }
}
