package dev.opsdeck.reports.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.InvalidParameterMapper;
import dev.opsdeck.reports.control.InvalidReportException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidReportMapper implements ExceptionMapper<InvalidReportException> {

    @Override
    public Response toResponse(InvalidReportException invalid) {
        String problem = invalid.getMessage().substring(invalid.field().length() + 2);
        return new InvalidParameterMapper().toResponse(new InvalidParameterException(invalid.field(), problem));
    }
}
