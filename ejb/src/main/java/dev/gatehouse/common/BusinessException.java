package dev.gatehouse.common;

import jakarta.ejb.ApplicationException;
import java.util.List;

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

    /** An entity's refusal of a value, shown next to the field that held it. */
    public static BusinessException about(String field, IllegalArgumentException refused) {
        return new BusinessException(List.of(new Problem(field, refused.getMessage())));
    }

    /** The HTTP status of this refusal, the same for pages and the API. */
    public int status() {
        return 400;
    }

    public List<Problem> problems() {
        return problems;
    }
}
