package dev.gatehouse.common.web;

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
 * A POST whose view state is unknown is either a form left open past the session or a forged
 * cross-site request. Both get 400 and a sentence, rather than a 500 and a stack trace, and
 * neither reaches a service.
 */
public class ExpiredFormHandler extends ExceptionHandlerWrapper {

    static final String MESSAGE = "This form has expired or did not come from this site. "
            + "Go back, reload the page and try again.";

    public ExpiredFormHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        while (queued.hasNext()) {
            Throwable failure = queued.next().getContext().getException();
            if (failure instanceof ViewExpiredException) {
                queued.remove();
                refuse(FacesContext.getCurrentInstance());
            }
        }
        super.handle();
    }

    private static void refuse(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(400, MESSAGE);
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
            return new ExpiredFormHandler(getWrapped().getExceptionHandler());
        }
    }
}
