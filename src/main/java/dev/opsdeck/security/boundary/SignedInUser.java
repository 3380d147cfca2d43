package dev.opsdeck.security.boundary;

import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.control.ConsoleLogin;
import dev.opsdeck.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is signed in, as the layout shows it and the pages' beans check it; and the way out. */
@Named
@RequestScoped
public class SignedInUser {

    @Inject
    SecurityContext security;

    @Inject
    ConsoleLogin login;

    @Inject
    HttpServletRequest request;

    /** The roles once per request: a list page asks for each of its rows, and each answer is a policy check. */
    private Boolean admin;
    private Boolean operator;

    public String getName() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public String getRole() {
        return isAdmin() ? Role.ADMIN : isOperator() ? Role.OPERATOR : Role.VIEWER;
    }

    public boolean isAdmin() {
        if (admin == null) {
            admin = security.isCallerInRole(Role.ADMIN);
        }
        return admin;
    }

    public boolean isOperator() {
        if (operator == null) {
            operator = security.isCallerInRole(Role.OPERATOR);
        }
        return operator;
    }

    public String getClientAddress() {
        return ClientAddress.of(request);
    }

    public void logout() throws IOException, ServletException {
        String name = getName();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        request.logout();
        external.invalidateSession();
        login.loggedOut(name, getClientAddress());
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signed-out=true");
    }
}
