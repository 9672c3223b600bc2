package dev.gatehouse.common;

/** The thing asked for does not exist, or the caller may not know that it does: both read the same. */
public class NotFound extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
