package dev.gatehouse.account.boundary;

import static dev.gatehouse.account.entity.Account.EMAIL;
import static dev.gatehouse.account.entity.Account.EMAIL_MAX;
import static dev.gatehouse.account.entity.Account.PASSWORD_MAX;
import static dev.gatehouse.account.entity.Account.PASSWORD_MIN;
import static dev.gatehouse.account.entity.Account.USERNAME;
import static dev.gatehouse.account.entity.Account.USERNAME_MAX;
import static dev.gatehouse.account.entity.Account.USERNAME_MIN;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.Problem;
import java.util.ArrayList;
import java.util.List;

/** What the sign-up form sends, and every rule it can break without looking at the database. */
public record SignUp(String username, String email, String password, String passwordRepeat) {

    public static final String USERNAME_FIELD = "username";
    public static final String EMAIL_FIELD = "email";
    public static final String PASSWORD_FIELD = "password";
    public static final String PASSWORD_REPEAT_FIELD = "passwordRepeat";

    public String canonicalUsername() {
        return Account.canonical(username);
    }

    public String canonicalEmail() {
        return Account.canonical(email);
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        String name = canonicalUsername();
        if (name.isEmpty()) {
            problems.add(new Problem(USERNAME_FIELD, "Enter a username."));
        } else if (name.length() < USERNAME_MIN || name.length() > USERNAME_MAX || !USERNAME.matcher(name).matches()) {
            problems.add(new Problem(USERNAME_FIELD, "A username has " + USERNAME_MIN + " to " + USERNAME_MAX
                    + " characters: letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }
        String mail = canonicalEmail();
        if (mail.isEmpty()) {
            problems.add(new Problem(EMAIL_FIELD, "Enter an email address."));
        } else if (mail.length() > EMAIL_MAX || !EMAIL.matcher(mail).matches()) {
            problems.add(new Problem(EMAIL_FIELD, "Enter an email address such as name@example.org."));
        }
        if (password == null || password.isEmpty()) {
            problems.add(new Problem(PASSWORD_FIELD, "Enter a password."));
        } else if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            problems.add(new Problem(PASSWORD_FIELD, "A password has at least " + PASSWORD_MIN
                    + " characters (and at most " + PASSWORD_MAX + ")."));
        }
        if (passwordRepeat == null || passwordRepeat.isEmpty()) {
            problems.add(new Problem(PASSWORD_REPEAT_FIELD, "Enter the password a second time."));
        } else if (password != null && !password.equals(passwordRepeat)) {
            problems.add(new Problem(PASSWORD_REPEAT_FIELD, "The two passwords differ. Type the same password twice."));
        }
        return problems;
    }
}
