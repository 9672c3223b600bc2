package dev.gatehouse.token.entity;

import dev.gatehouse.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A person's token for programs: the nx client, the Gatehouse CLI, scripts. Owned by an account,
 * not by a workspace; what it may do in a workspace follows from its owner's memberships. The
 * token itself is never stored, only its SHA-256.
 */
@Entity
@Table(name = "PERSONAL_ACCESS_TOKEN")
@NamedQuery(name = PersonalAccessToken.BY_HASH,
        query = "SELECT t FROM PersonalAccessToken t JOIN FETCH t.account WHERE t.tokenHash = :hash")
@NamedQuery(name = PersonalAccessToken.OF_ACCOUNT,
        query = "SELECT t FROM PersonalAccessToken t WHERE t.account.username = :username ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = PersonalAccessToken.COUNT_ACTIVE, query = "SELECT COUNT(t) FROM PersonalAccessToken t"
        + " WHERE t.account.username = :username AND t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
@NamedQuery(name = PersonalAccessToken.RECORD_USE,
        query = "UPDATE PersonalAccessToken t SET t.lastUsedAt = :at, t.lastUsedIp = :ip WHERE t.id = :id")
public class PersonalAccessToken extends HashedToken {

    private static final long serialVersionUID = 1L;

    public static final String BY_HASH = "PersonalAccessToken.byHash";
    public static final String OF_ACCOUNT = "PersonalAccessToken.ofAccount";
    public static final String COUNT_ACTIVE = "PersonalAccessToken.countActive";
    public static final String RECORD_USE = "PersonalAccessToken.recordUse";
    /** Last use is remembered to the minute: a write per request would double the cost of a cache hit. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @ManyToOne(optional = false)
    private Account account;

    private Instant expiresAt;

    private Instant lastUsedAt;

    @Column(length = 45)
    private String lastUsedIp;

    protected PersonalAccessToken() {
        // for JPA
    }

    /** @param expiresAt null for a token that never expires */
    public PersonalAccessToken(Account account, String name, String token, Instant createdAt, Instant expiresAt) {
        super(name, token, createdAt);
        this.account = account;
        this.expiresAt = expiresAt;
    }

    public TokenStatus status(Instant now) {
        if (isRevoked()) {
            return TokenStatus.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
    }

    public boolean isActive(Instant now) {
        return status(now) == TokenStatus.ACTIVE;
    }

    /** Notes a use; true when that is worth writing, at most once a minute. */
    public boolean recordUse(Instant now, String ip) {
        if (!isUseWorthWriting(lastUsedAt, now)) {
            return false;
        }
        lastUsedAt = now;
        lastUsedIp = ip;
        return true;
    }

    /** Last use is kept to the minute, so that a busy token costs a write a minute, not one a request. */
    public static boolean isUseWorthWriting(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_PRECISION));
    }

    public Account getAccount() {
        return account;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedIp() {
        return lastUsedIp;
    }

}
