package dev.gatehouse.account.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.cache.boundary.CacheUsageBook;
import dev.gatehouse.cache.boundary.CacheUsageBook.WorkspaceWeek;
import dev.gatehouse.organization.boundary.OrganizationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The home page leads: the person's workspaces with their levels and last week, or, before they
 * have one, the steps to a first remote-cache hit.
 */
@Named
@RequestScoped
public class HomeBacking {

    @EJB
    AccountService accounts;

    @EJB
    OrganizationService organizations;

    @EJB
    CacheUsageBook usage;

    private Account account;
    private List<WorkspaceWeek> workspaces;
    private Boolean inAnOrganization;

    public Account getAccount() {
        if (account == null) {
            account = accounts.currentAccount();
        }
        return account;
    }

    public List<WorkspaceWeek> getWorkspaces() {
        if (workspaces == null) {
            workspaces = usage.myWeek();
        }
        return workspaces;
    }

    /** Step 1 of the first steps is done once the person belongs to an organization. */
    public boolean isInAnOrganization() {
        if (inAnOrganization == null) {
            inAnOrganization = !organizations.mine().isEmpty();
        }
        return inAnOrganization;
    }
}
