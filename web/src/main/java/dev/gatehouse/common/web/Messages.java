package dev.gatehouse.common.web;

import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.Problem;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Puts a service's words on the page. A problem about one field goes next to that field, because
 * forms use the field names as component ids ({@code prependId="false"}).
 */
public final class Messages {

    private Messages() {
    }

    public static void show(BusinessException refusal) {
        refusal.problems().forEach(Messages::show);
    }

    public static void show(Problem problem) {
        FacesContext.getCurrentInstance().addMessage(problem.field(),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.message(), null));
    }

    public static void error(String message) {
        show(Problem.of(message));
    }

    /** Says that something worked. */
    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }
}
