package dev.gatehouse.cache.control;

import java.io.IOException;

/** The request body ended before the bytes its Content-Length promised. Nothing was stored. */
public class IncompleteBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    public IncompleteBodyException(long received, long promised) {
        super("The body ended after " + received + " of the " + promised + " bytes its Content-Length announced."
                + " Nothing was stored; send it again.");
    }
}
