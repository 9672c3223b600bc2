package dev.gatehouse.common;

/** The caller is known and may see the thing, but not do this to it. */
public class Forbidden extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }
}
