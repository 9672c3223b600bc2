package dev.gatehouse.token.boundary;

import dev.gatehouse.token.entity.PersonalAccessToken;

/** A token just created: the only moment its secret exists outside the person's hands. */
public record IssuedToken(PersonalAccessToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.getName() + "]";
    }
}
