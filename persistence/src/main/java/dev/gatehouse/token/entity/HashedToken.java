package dev.gatehouse.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;

/**
 * What every Gatehouse token keeps: a name, the SHA-256 of the secret (never the secret), a short
 * non-secret hint of it, and when it was made and revoked.
 */
@MappedSuperclass
public abstract class HashedToken implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 8)
    private String hint;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant revokedAt;

    protected HashedToken() {
        // for JPA
    }

    protected HashedToken(String name, String secret, Instant createdAt) {
        this.name = name;
        this.tokenHash = TokenFormat.hash(secret);
        this.hint = TokenFormat.hint(secret);
        this.createdAt = createdAt;
    }

    /** The first revocation is the one remembered. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Its name and hint, as audit records and lists show a token. */
    public String describe() {
        return name + " (…" + hint + ")";
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getHint() {
        return hint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
