package dev.gatehouse.common.web;

import dev.gatehouse.common.BusinessException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns refusals into what the person sees, so backing beans need no try/catch: a service's
 * {@link BusinessException} becomes messages on the same page with a 4xx status, and a POST with
 * an unknown view state (a form left open past its session, or a forged cross-site request) gets
 * 400 and a sentence instead of a stack trace. Neither reaches a service twice.
 */
public class PageExceptionHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED = "This form has expired or did not come from this site. "
            + "Go back, reload the page and try again.";

    public PageExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        while (queued.hasNext()) {
            Throwable failure = queued.next().getContext().getException();
            if (cause(failure, ViewExpiredException.class) != null) {
                queued.remove();
                sendError(faces, 400, EXPIRED);
            } else if (cause(failure, BusinessException.class) instanceof BusinessException refusal
                    && !faces.getExternalContext().isResponseCommitted()) {
                queued.remove();
                Messages.show(refusal);
                faces.getExternalContext().setResponseStatus(refusal.status());
                faces.renderResponse();
            }
        }
        super.handle();
    }

    private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static void sendError(FacesContext faces, int status, String message) {
        try {
            faces.getExternalContext().responseSendError(status, message);
            faces.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PageExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
