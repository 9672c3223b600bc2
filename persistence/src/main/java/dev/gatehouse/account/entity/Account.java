package dev.gatehouse.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person who signs in. Usernames and email addresses are kept lower-case so that uniqueness and
 * log-in do not depend on how someone happened to type them.
 */
@Entity
@Table(name = "ACCOUNT")
@NamedQuery(name = Account.BY_LOGIN,
        query = "SELECT a FROM Account a WHERE a.username = :login OR a.email = :login")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.COUNT_BY_USERNAME,
        query = "SELECT COUNT(a) FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.COUNT_BY_EMAIL, query = "SELECT COUNT(a) FROM Account a WHERE a.email = :email")
public class Account implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_LOGIN = "Account.byLogin";
    public static final String BY_USERNAME = "Account.byUsername";
    public static final String COUNT_BY_USERNAME = "Account.countByUsername";
    public static final String COUNT_BY_EMAIL = "Account.countByEmail";

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 40;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 12;
    /** PBKDF2 is fed the whole password: an unbounded one would let a request burn CPU. */
    public static final int PASSWORD_MAX = 200;

    /** No '@', so that a log-in name is unambiguously a username or an email address. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @Column(nullable = false, unique = true, length = USERNAME_MAX)
    private String username;

    @Column(nullable = false, unique = true, length = EMAIL_MAX)
    private String email;

    @Column(nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    public Account(String username, String email, String passwordHash, Instant createdAt) {
        this.username = canonical(username);
        this.email = canonical(email);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** The form in which usernames and email addresses are stored and looked up. */
    /** A log-in name with an '@' is an email address: usernames cannot have one. */
    public static boolean isEmailAddress(String login) {
        return login != null && login.contains("@");
    }

    public static String canonical(String usernameOrEmail) {
        return usernameOrEmail == null ? "" : usernameOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
