package dev.gatehouse.common.rest;

import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** A refusal the caller can fix: its own status (400, 403, 404, 429) with every problem, one sentence a line. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException refused) {
        return Response.status(refused.status())
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(refused.problems().stream().map(Problem::message).collect(Collectors.joining("\n", "", "\n")))
                .build();
    }
}
