package dev.gatehouse.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators and admins write them: bytes, or a whole number with a binary unit ({@code 50GiB}). */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|TiB)?");
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    /** What a size may look like, for the sentence that refuses one. */
    public static final String FORMAT = "a positive size such as 2147483648, 512MiB or 2GiB (units B, KiB, MiB, GiB, TiB)";

    private Sizes() {
    }

    /** Empty for anything that is not a positive size of at most 2^63 - 1 bytes. */
    public static Optional<Long> parse(String text) {
        Matcher size = SIZE.matcher(text == null ? "" : text.strip());
        if (!size.matches()) {
            return Optional.empty();
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(size.group(1)), unit(size.group(2)));
            return bytes > 0 ? Optional.of(bytes) : Optional.empty();
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** As people read it: {@code 512 B}, {@code 1.5 MiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Exactly, in the largest unit that divides it: {@code 10GiB}, {@code 1536MiB}, {@code 1000}; {@link #parse} reads it back. */
    public static String exact(long bytes) {
        for (int unit = UNITS.length - 1; unit >= 0; unit--) {
            long size = 1L << (10 * (unit + 1));
            if (bytes % size == 0) {
                return bytes / size + UNITS[unit];
            }
        }
        return Long.toString(bytes);
    }

    private static long unit(String unit) {
        return switch (unit == null ? "B" : unit) {
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            default -> 1;
        };
    }
}
