package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.ExposedMetrics;
import dev.opsdeck.testing.MetricsText;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed WAR on Payara Micro against a fresh PostgreSQL database: API security, health, metrics, OpenAPI. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    @Test
    void infoWithoutCredentialIsUnauthorizedWithJsonBody() {
        Api.Response response = api().get("api/v1/info", null);
        assertEquals(401, response.status());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals("unauthorized", response.json().getString("error"));
    }

    @Test
    void wrongServiceTokenIsUnauthorized() {
        Api.Response response = api().get("api/v1/info", "it-unknown-service-token-9");
        assertEquals(401, response.status());
        assertEquals("unauthorized", response.json().getString("error"));
    }

    @Test
    void everyConfiguredServiceTokenReadsInfoSoTokensCanBeRotated() {
        for (String token : List.of(Tokens.OLD_SERVICE_TOKEN, Tokens.NEW_SERVICE_TOKEN)) {
            Api.Response response = api().get("api/v1/info", token);
            assertEquals(200, response.status(), response.body());
        }
    }

    @Test
    void infoNamesVersionBuildTimeDatabaseAndUptime() {
        JsonObject info = api().get("api/v1/info", Tokens.NEW_SERVICE_TOKEN).json();
        assertEquals("PostgreSQL", info.getString("database_product"));
        assertTrue(info.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), info.toString());
        Instant.parse(info.getString("build_time"));
        assertTrue(info.getJsonNumber("uptime_seconds").longValue() >= 0);
    }

    @Test
    void validJwtWithViewerGroupReadsInfo() {
        Api.Response response = api().get("api/v1/info", Tokens.jwt("vera", List.of("viewer")));
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void validJwtWithoutAnOpsdeckRoleIsForbidden() {
        Api.Response response = api().get("api/v1/info", Tokens.jwt("audrey", List.of("auditor")));
        assertEquals(403, response.status(), response.body());
        assertEquals("forbidden", response.json().getString("error"));
    }

    @Test
    void expiredJwtIsUnauthorized() {
        String expired = Tokens.sign("jwt/private.pem", Tokens.ISSUER, "vera", List.of("viewer"),
                Instant.now().minusSeconds(3600));
        assertEquals(401, api().get("api/v1/info", expired).status());
    }

    @Test
    void jwtFromAnotherIssuerIsUnauthorized() {
        String foreign = Tokens.sign("jwt/private.pem", "https://elsewhere.test", "vera", List.of("admin"),
                Instant.now().plusSeconds(300));
        assertEquals(401, api().get("api/v1/info", foreign).status());
    }

    @Test
    void jwtSignedWithAnUnknownKeyIsUnauthorized() {
        String forged = Tokens.sign("jwt/stranger-private.pem", Tokens.ISSUER, "mallory", List.of("admin"),
                Instant.now().plusSeconds(300));
        assertEquals(401, api().get("api/v1/info", forged).status());
    }

    @Test
    void readinessNamesTheDatabaseItCheckedAndItsMigrations() {
        Api.Response ready = api().getFromServerRoot("health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals("PostgreSQL", database.getJsonObject("data").getString("product"));
        assertEquals("true", database.getJsonObject("data").getString("migrated"));
    }

    @Test
    void livenessAndStartupAreUp() {
        for (String probe : List.of("health/live", "health/started")) {
            Api.Response response = api().getFromServerRoot(probe);
            assertEquals(200, response.status(), probe + ": " + response.body());
            assertEquals("UP", response.json().getString("status"));
            assertTrue(response.json().getJsonArray("checks").size() > 0, probe + " names no check");
        }
    }

    @Test
    void metricsArePrometheusText() {
        Api.Response metrics = api().getFromServerRoot("metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE"), "not Prometheus text");
    }

    @Test
    void metricsCoverTheDashboardAndAlertsAndTimeApiRequestsByRouteTemplate() throws InterruptedException {
        String id = "0f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a19";
        assertEquals(404, api().get("api/v1/payments/" + id, Tokens.NEW_SERVICE_TOKEN).status());
        MetricsText metrics = ExposedMetrics.coverWhatTheDashboardAndAlertsQuery(api());
        assertTrue(metrics.value("opsdeck_http_server_request_duration_seconds_count", "method=\"GET\"",
                "route=\"/api/v1/payments/{id}\"", "status_class=\"4xx\"").orElse(0) >= 1,
                "the API call is timed under its route template, not its id");
        assertFalse(metrics.names().stream().anyMatch(name -> name.startsWith("ingestion_")), "the old names are gone");
    }

    @Test
    void openApiDescribesTheInfoEndpoint() {
        Api.Response openapi = api().getFromServerRoot("openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/info"), openapi.body());
    }
}
