package dev.gatehouse.common;

import java.io.Serializable;

/**
 * One thing wrong with what a person asked for, in words they can act on.
 *
 * @param field the input it concerns, named as the page's field id, or null for the request as a whole
 * @param message a sentence saying what is wrong and what to do
 */
public record Problem(String field, String message) implements Serializable {

    public static Problem of(String message) {
        return new Problem(null, message);
    }
}
