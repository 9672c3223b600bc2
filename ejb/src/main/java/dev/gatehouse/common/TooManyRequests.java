package dev.gatehouse.common;

/** The caller has tried too often too fast, and must wait before trying again. */
public class TooManyRequests extends BusinessException {

    private static final long serialVersionUID = 1L;

    public TooManyRequests(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 429;
    }
}
