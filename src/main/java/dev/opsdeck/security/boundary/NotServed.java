package dev.opsdeck.security.boundary;

import dev.opsdeck.process.control.InstanceRoles;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The answer of an instance whose roles leave out the console or the API: 404 before any login, so that a console
 * or API request sent to an ingestion worker neither authenticates nor reaches a page. The header names the roles.
 */
final class NotServed {

    static final String ROLES_HEADER = "Opsdeck-Roles";

    private NotServed() {
    }

    static AuthenticationStatus answer(HttpServletResponse response, InstanceRoles roles) {
        try {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setHeader(ROLES_HEADER, roles.label());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"not_found\",\"message\":\"this instance does not serve this path; its roles (OPSDECK_ROLES) are "
                    + roles.label() + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
