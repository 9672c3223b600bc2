package dev.gatehouse.security.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.config.ConfiguredDataSource;
import dev.gatehouse.token.boundary.TokenLastUse;
import dev.gatehouse.token.boundary.TokenService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Puts {@link GatehouseAuthModule} in charge of this application's authentication, before the first request. */
@WebListener
public class AuthModuleRegistration implements ServletContextListener {

    @EJB
    AccountService accounts;

    @EJB
    TokenService tokens;

    @EJB
    TokenLastUse lastUse;

    @Inject
    SignIns signIns;

    private LookupConnections lookupConnections;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        BearerAuthentication bearer = new BearerAuthentication(tokens);
        lookupConnections = new LookupConnections(new ConfiguredDataSource());
        AuthConfigFactory.getFactory().registerServerAuthModule(
                new GatehouseAuthModule(accounts, bearer,
                        new CacheAuthentication(new CacheAccessLookup(lookupConnections), bearer, lastUse), signIns),
                event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        lookupConnections.close();
    }
}
