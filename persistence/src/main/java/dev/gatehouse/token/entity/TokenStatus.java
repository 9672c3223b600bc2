package dev.gatehouse.token.entity;

public enum TokenStatus {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    TokenStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
