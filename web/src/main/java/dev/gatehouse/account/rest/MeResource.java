package dev.gatehouse.account.rest;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.rest.SignedIn;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the caller is. */
@Path("me")
@SignedIn
public class MeResource {

    @EJB
    AccountService accounts;

    public record Me(String username, String email) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Account account = accounts.currentAccount();
        return new Me(account.getUsername(), account.getEmail());
    }
}
