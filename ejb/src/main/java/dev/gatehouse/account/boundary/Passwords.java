package dev.gatehouse.account.boundary;

import dev.gatehouse.account.entity.Account;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;

/**
 * Jakarta Security's PBKDF2, set to OWASP's recommendation for HMAC-SHA512 rather than the API's
 * default of 1,024 iterations. Each stored hash names its own parameters, so raising them later
 * keeps old hashes valid.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Checked when no account matches, so that an unknown name costs as much time as a known one. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy password for unknown accounts".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, Optional<String> storedHash) {
        if (password == null || password.isEmpty() || password.length() > Account.PASSWORD_MAX) {
            return false;
        }
        boolean matches = pbkdf2.verify(password.toCharArray(), storedHash.orElse(decoy));
        return matches && storedHash.isPresent();
    }
}
