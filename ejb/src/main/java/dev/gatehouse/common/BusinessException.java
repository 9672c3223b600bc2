package dev.gatehouse.common;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request refused for a reason the person can fix. Rolls back, so a refused request changes
 * nothing; carries every problem at once, so a form can show them all together.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public BusinessException(List<Problem> problems) {
        super(problems.isEmpty() ? "Refused" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public BusinessException(String message) {
        this(List.of(Problem.of(message)));
    }

    /**
     * Runs a step that an entity checks, such as making or renaming one: its refusal of a value (an
     * {@link IllegalArgumentException}) becomes this refusal, shown next to the field that held the value.
     */
    public static <T> T checking(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException refused) {
            throw new BusinessException(List.of(new Problem(field, refused.getMessage())));
        }
    }

    /** The same for a step that gives nothing back, such as a rename. */
    public static void checking(String field, Runnable step) {
        checking(field, () -> {
            step.run();
            return null;
        });
    }

    /** The HTTP status of this refusal, the same for pages and the API. */
    public int status() {
        return 400;
    }

    public List<Problem> problems() {
        return problems;
    }
}
