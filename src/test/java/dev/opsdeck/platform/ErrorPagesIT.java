package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.platform.failures.FailingPage;
import dev.opsdeck.platform.failures.FailingResource;
import dev.opsdeck.platform.failures.LogCapture;
import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unexpected failures, forced by test-only code added to the WAR: the API answers 500 with a reference, the console
 * shows Opsdeck's page with a reference (on a page load and on an ajax action), the browser gets nothing of the
 * exception, and the server's log line with the stack trace carries the same reference.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorPagesIT {

    private static final Pattern SHOWN_REFERENCE = Pattern.compile("ref ([0-9a-f]{6})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck()
                .addClasses(FailingResource.class, FailingPage.class, LogCapture.class)
                .addAsWebResource(new StringAsset("""
                        <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html"
                                        xmlns:ui="jakarta.faces.facelets" xmlns:p="primefaces"
                                        template="/WEB-INF/templates/console.xhtml">
                          <ui:define name="title">Failing on purpose</ui:define>
                          <ui:define name="content">
                            <h:outputText id="failure" rendered="#{param.fail eq 'render'}" value="#{failingPage.failure}"/>
                            <h:form id="failing">
                              <p:commandButton id="explode" value="Explode" action="#{failingPage.explode}"/>
                            </h:form>
                          </ui:define>
                        </ui:composition>
                        """), "failing-test.xhtml");
    }

    @ArquillianResource
    URL base;

    @Test
    void apiAnswersInternalWithAReferenceFoundInTheLogLineWithTheStackTrace() {
        Api.Response response = new Api(base).get("api/v1/test-failures", Tokens.NEW_SERVICE_TOKEN);

        assertEquals(500, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonObject body = response.json();
        assertEquals("internal", body.getString("error"));
        String reference = body.getString("reference");
        assertTrue(reference.matches("[0-9a-f]{6}"), reference);
        assertNothingOfTheFailureIn(response.body());
        assertLoggedWithStackTrace(reference, "dev.opsdeck.api.boundary.ApiExceptionMapper");
    }

    @Test
    void failingPageShowsOpsdecksErrorPageWithStatus500AndAReference() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.loginAsAdmin();
            browser.get("failing-test.xhtml?fail=render");

            String reference = shownReference(browser);
            assertEquals("Something went wrong", browser.text("main.content h1"));
            assertNothingOfTheFailureIn(browser.driver().getPageSource());
            browser.screenshot("error-page");
            assertLoggedWithStackTrace(reference, "dev.opsdeck.console.boundary.ConsoleExceptionHandler");

            HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url("failing-test.xhtml?fail=render")))
                    .header("Cookie", browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                            .collect(Collectors.joining("; "))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, direct.statusCode());
            assertNothingOfTheFailureIn(direct.body());
            Matcher shown = SHOWN_REFERENCE.matcher(direct.body());
            assertTrue(shown.find(), direct.body());
            assertLoggedWithStackTrace(shown.group(1), "dev.opsdeck.console.boundary.ConsoleExceptionHandler");
        }
    }

    @Test
    void failingAjaxActionLeadsToTheErrorPageInsteadOfTheExceptionText() {
        try (Browser browser = Browser.open(base)) {
            browser.loginAsAdmin();
            browser.get("failing-test.xhtml");
            browser.click("#failing\\:explode");
            browser.waitFor(d -> d.getCurrentUrl().contains("failure.xhtml"));

            String reference = shownReference(browser);
            assertNothingOfTheFailureIn(browser.driver().getPageSource());
            assertLoggedWithStackTrace(reference, "dev.opsdeck.console.boundary.ConsoleExceptionHandler");
        }
    }

    private static String shownReference(Browser browser) {
        Matcher shown = SHOWN_REFERENCE.matcher(browser.text("#failure-reference"));
        assertTrue(shown.matches(), browser.text("#failure-reference"));
        return shown.group(1);
    }

    private static void assertNothingOfTheFailureIn(String body) {
        assertFalse(body.contains(FailingResource.SECRET), body);
        assertFalse(body.contains("IllegalStateException") || body.contains("IllegalArgumentException"), body);
        assertFalse(body.contains("dev.opsdeck.platform.failures"), body);
    }

    private void assertLoggedWithStackTrace(String reference, String logger) {
        String body = new Api(base).get("api/v1/test-failures/log?containing=ref%20" + reference, Tokens.NEW_SERVICE_TOKEN).body();
        JsonArray lines = Json.createReader(new StringReader(body)).readArray();
        assertEquals(1, lines.size(), body);
        String line = lines.getString(0);
        assertTrue(line.contains(logger), line);
        assertTrue(line.contains(FailingResource.SECRET), line);
        assertTrue(line.contains("at dev.opsdeck.platform.failures.FailingPage") || line.contains("at dev.opsdeck.platform.failures.FailingResource"), line);
    }
}
