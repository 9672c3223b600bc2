package dev.gatehouse.account.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.account.entity.Account;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

@Named
@RequestScoped
public class HomeBacking {

    @EJB
    AccountService accounts;

    private Account account;

    public Account getAccount() {
        if (account == null) {
            account = accounts.currentAccount();
        }
        return account;
    }
}
