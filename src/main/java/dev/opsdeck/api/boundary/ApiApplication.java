package dev.opsdeck.api.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Opsdeck API", version = "v1",
                description = "Read models, ingestion state and operations of Opsdeck. Every call needs "
                        + "Authorization: Bearer with a service token or an RS256 JWT."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A service token from SERVICE_API_TOKENS, or a JWT whose groups claim names viewer, operator or admin")
public class ApiApplication extends Application {
}
