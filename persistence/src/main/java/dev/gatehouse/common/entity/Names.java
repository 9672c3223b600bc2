package dev.gatehouse.common.entity;

/** The rule every name people give follows (organizations, workspaces, tokens): 1 to 100 characters, not only spaces. */
public final class Names {

    public static final int MAX = 100;

    private Names() {
    }

    /** The name as it will be stored, or an exception whose message says what to fix. */
    public static String require(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("Enter a name: it cannot be empty or only spaces.");
        }
        if (stripped.length() > MAX) {
            throw new IllegalArgumentException("A name has at most " + MAX + " characters; this one has "
                    + stripped.length() + ".");
        }
        return stripped;
    }
}
