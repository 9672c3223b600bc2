package dev.gatehouse.cli;

/**
 * A failure the person can act on; its message is all they see, and its exit code says what kind
 * (see {@link Gatehouse}).
 */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    final int exitCode;

    Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
