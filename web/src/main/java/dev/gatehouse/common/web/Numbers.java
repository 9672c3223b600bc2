package dev.gatehouse.common.web;

import dev.gatehouse.config.Sizes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/** Sizes and rates as pages show them: {@code 1.5 MiB}, {@code 75 %}. */
@Named
@ApplicationScoped
public class Numbers {

    public String size(long bytes) {
        return Sizes.format(bytes);
    }

    /** @param rate 0 to 1, or null for none: a dash */
    public String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
