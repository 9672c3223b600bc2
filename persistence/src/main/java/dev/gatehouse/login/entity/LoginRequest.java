package dev.gatehouse.login.entity;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * One browser log-in started by the CLI, in the manner of OAuth's device authorization grant
 * (RFC 8628): the CLI holds a secret device code, stored here only as a hash, and shows a short
 * user code that the person checks on the approval page. The token is minted only when the CLI
 * collects it, so it is never stored in the clear, and it can be collected once.
 */
@Entity
@Table(name = "LOGIN_REQUEST", indexes = {@Index(name = "LOGIN_REQUEST_USER_CODE", columnList = "userCode"),
        @Index(name = "LOGIN_REQUEST_EXPIRES_AT", columnList = "expiresAt")})
@NamedQuery(name = LoginRequest.BY_DEVICE_CODE_HASH, query = "SELECT r FROM LoginRequest r WHERE r.deviceCodeHash = :hash")
@NamedQuery(name = LoginRequest.BY_USER_CODE, query = "SELECT r FROM LoginRequest r WHERE r.userCode = :code"
        + " AND r.expiresAt > :now ORDER BY r.createdAt DESC")
@NamedQuery(name = LoginRequest.DELETE_EXPIRED_BEFORE, query = "DELETE FROM LoginRequest r WHERE r.expiresAt < :before")
public class LoginRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_DEVICE_CODE_HASH = "LoginRequest.byDeviceCodeHash";
    public static final String BY_USER_CODE = "LoginRequest.byUserCode";
    public static final String DELETE_EXPIRED_BEFORE = "LoginRequest.deleteExpiredBefore";
    /** How long an expired request is kept, so that a CLI still polling learns "expired", not "unknown". */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** RFC 8628's example alphabet: consonants that cannot be confused with one another or with digits. */
    static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Status { PENDING, APPROVED, DENIED, SPENT }

    /** What the CLI learns when it polls. */
    public enum Poll { PENDING, SLOW_DOWN, DENIED, EXPIRED, ALREADY_USED, READY }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String deviceCodeHash;

    @Column(nullable = false, length = 9)
    private String userCode;

    @Column(nullable = false, length = 100)
    private String clientHostname;

    @Column(nullable = false, length = 45)
    private String clientIp;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant lastPolledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @ManyToOne
    private Account approvedBy;

    protected LoginRequest() {
        // for JPA
    }

    public LoginRequest(String deviceCode, String clientHostname, String clientIp, Instant now) {
        this.deviceCodeHash = TokenFormat.hash(deviceCode);
        this.userCode = newUserCode();
        this.clientHostname = clientHostname;
        this.clientIp = clientIp;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public static String newUserCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as a person may type it: any case, with or without the dash, with stray spaces. */
    public static String normalizeUserCode(String typed) {
        String letters = typed == null ? "" : typed.toUpperCase().replaceAll("[^A-Z]", "");
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isOpen(Instant now) {
        return status == Status.PENDING && !isExpired(now);
    }

    /** Approving twice, or after a denial or expiry, changes nothing. */
    public boolean approve(Account account, Instant now) {
        if (!isOpen(now)) {
            return false;
        }
        status = Status.APPROVED;
        approvedBy = account;
        return true;
    }

    public boolean deny(Instant now) {
        if (!isOpen(now)) {
            return false;
        }
        status = Status.DENIED;
        return true;
    }

    /** One poll by the CLI; READY hands the caller the one chance to mint the token. */
    public Poll poll(Instant now) {
        Instant previous = lastPolledAt;
        lastPolledAt = now;
        if (status == Status.SPENT) {
            return Poll.ALREADY_USED;
        }
        if (status == Status.DENIED) {
            return Poll.DENIED;
        }
        if (isExpired(now)) {
            return Poll.EXPIRED;
        }
        if (status == Status.APPROVED) {
            status = Status.SPENT;
            return Poll.READY;
        }
        // Half the interval of slack, for clocks and networks that are not exact.
        return previous != null && now.isBefore(previous.plus(POLL_INTERVAL.dividedBy(2))) ? Poll.SLOW_DOWN : Poll.PENDING;
    }

    public Long getId() {
        return id;
    }

    public String getUserCode() {
        return userCode;
    }

    public String getClientHostname() {
        return clientHostname;
    }

    public String getClientIp() {
        return clientIp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Status getStatus() {
        return status;
    }

    public Account getApprovedBy() {
        return approvedBy;
    }
}
