package dev.opsdeck.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.ConsoleSession;
import dev.opsdeck.testing.ConsoleUsers;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Probes the deployed WAR as an attacker and a careless client would: every surface answers bad input with a clear
 * 4xx naming what is wrong, the API takes only bearer credentials on every path variant, and console and API apply
 * the same role to each action.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {

    private static final String PASSWORD = "hardening-password-0001";
    private static final String SERVICE = Tokens.NEW_SERVICE_TOKEN;
    private static final String VIEWER = Tokens.jwt("vera", List.of("viewer"));
    private static final String OPERATOR = Tokens.jwt("otto", List.of("operator"));
    private static final String ADMIN = Tokens.jwt("ada", List.of("admin"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    /** Payara answers 404 for a moment after the deployment returns, until it has mapped the context root. */
    @BeforeEach
    void awaitContext() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(HttpRequest.newBuilder(URI.create(root() + "login.xhtml")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("login.xhtml still answers " + status + " at " + root());
    }

    private String root() {
        return base.toString().endsWith("/") ? base.toString() : base + "/";
    }

    private Api api() {
        return new Api(base);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv().getOrDefault("DB_USER", "postgres"), "");
    }

    private ConsoleSession signedIn(String role) throws SQLException {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            ConsoleUsers.create(connection, name, role, PASSWORD);
        }
        ConsoleSession session = new ConsoleSession(base);
        assertTrue(session.login(name, PASSWORD), "login of " + name + ": " + session.lastPage());
        return session;
    }

    // finding 3: the API never accepts the console's session, whatever path reaches it

    @Test
    void consoleSessionCookieAuthenticatesNoApiPathVariant() throws Exception {
        ConsoleSession admin = signedIn("admin");
        assertEquals(200, admin.get("index.xhtml").statusCode(), "the session is signed in");
        for (String path : List.of("api/v1/info", "api;x/v1/info", "/api/v1/info", "%61pi/v1/info", "api/v1;x/info",
                "api/./v1/info", "api/v1/../v1/info")) {
            HttpResponse<String> read = admin.get(path);
            assertFalse(read.statusCode() >= 200 && read.statusCode() < 300, path + " answered " + read.statusCode()
                    + " to a console cookie: " + read.body());
            assertFalse(read.body().contains("database_product"), path + ": " + read.body());
        }
        for (String path : List.of("api/v1/dead-letters/1/replay", "api;x/v1/dead-letters/1/replay",
                "/api/v1/commands/" + UUID.randomUUID() + "/approval", "%61pi/v1/dead-letters/1/replay")) {
            int status = admin.post(path, "").statusCode();
            assertTrue(status == 401 || status == 404 || status == 400, path + " answered " + status + " to a console cookie");
        }
        assertEquals(401, admin.get("api/v1/info").statusCode());
    }

    @Test
    void missingWrongUnsignedAndHmacCredentialsAreUnauthorized() {
        for (String bearer : Arrays.asList(null, "it-unknown-service-token-9", Tokens.unsigned("mallory", List.of("admin")),
                Tokens.hs256("mallory", List.of("admin")), "Bearer", "a.b.c")) {
            Api.Response response = api().get("api/v1/info", bearer);
            assertEquals(401, response.status(), String.valueOf(bearer));
            assertEquals("unauthorized", response.json().getString("error"));
        }
        assertEquals(200, api().get("api/v1/info", SERVICE).status());
    }

    // finding 5: limits, malformed parameters and bodies

    @Test
    void bodyOverTheLimitIsRefusedWith413BeforeItIsParsed() throws Exception {
        byte[] eightMiB = new byte[8 * 1024 * 1024];
        Arrays.fill(eightMiB, (byte) 'a');
        HttpResponse<String> declared = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "api/v1/reports"))
                .header("Authorization", "Bearer " + SERVICE).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(eightMiB)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("api.max-body-bytes"), declared.body());
        String chunked = chunkedPost("api/v1/reports", eightMiB);
        assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
        assertTrue(chunked.contains("api.max-body-bytes"), chunked);
    }

    /** A chunked POST over a plain socket (java.net.http gives up on a chunked body the server answers early). */
    private String chunkedPost(String path, byte[] body) throws Exception {
        URI uri = URI.create(root() + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + SERVICE
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 65536) {
                int length = Math.min(65536, body.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(body, at, length);
                out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void malformedJsonIsABadRequestNeverAServerError() {
        for (String body : List.of("{\"report_type\": ", "[1, 2]", "\"text\"", "{\"report_type\": \"account_balances\",}")) {
            Api.Response response = api().post("api/v1/reports", SERVICE, body);
            assertEquals(400, response.status(), body + " -> " + response.body());
            assertEquals("malformed_json", response.json().getString("error"));
        }
        Api.Response empty = api().post("api/v1/reports", SERVICE, "");
        assertEquals(422, empty.status(), empty.body());
        Api.Response discard = api().post("api/v1/dead-letters/1/discard", ADMIN, "{\"reason\": [");
        assertEquals(400, discard.status(), discard.body());
    }

    @Test
    void garbageCursorsAreRefusedNamingTheCursor() {
        for (String path : List.of("api/v1/reports", "api/v1/accounts", "api/v1/payments", "api/v1/dead-letters",
                "api/v1/commands", "api/v1/audit-log")) {
            for (String cursor : List.of("%25%25%25", "abc_def", "bm90LWEtY3Vyc29y", "MjAyNi0xMS0wMVQwMDowMDowMFpfbm90LWEtdXVpZA")) {
                Api.Response response = api().get(path + "?cursor=" + cursor, ADMIN);
                assertEquals(422, response.status(), path + " cursor " + cursor + " -> " + response.body());
                assertEquals("cursor", response.json().getString("field"), response.body());
            }
        }
    }

    @Test
    void hugeNegativeAndNonNumericLimitsAreRefusedNamingTheLimit() {
        for (String limit : List.of("-1", "0", "501", "99999999999999999999", "ten")) {
            for (String path : List.of("api/v1/reports", "api/v1/accounts", "api/v1/dead-letters", "api/v1/commands")) {
                Api.Response response = api().get(path + "?limit=" + limit, ADMIN);
                assertEquals(422, response.status(), path + " limit " + limit + " -> " + response.body());
                assertEquals("limit", response.json().getString("field"));
            }
        }
    }

    @Test
    void nonUuidIdsUnknownEnumValuesAndPathTraversalAreClientErrors() {
        Map<String, String> fieldOf = Map.of(
                "api/v1/accounts/not-a-uuid", "id",
                "api/v1/payments/12345", "id",
                "api/v1/reports/not-a-uuid", "id",
                "api/v1/dead-letters/abc", "id",
                "api/v1/report-configurations/abc", "id",
                "api/v1/accounts?status=NOPE", "status",
                "api/v1/reports?status=bogus", "status",
                "api/v1/reports?type=bogus", "type",
                "api/v1/dead-letters?state=zzz", "state",
                "api/v1/commands?state=zzz", "state");
        fieldOf.forEach((path, field) -> {
            Api.Response response = api().get(path, ADMIN);
            assertEquals(422, response.status(), path + " -> " + response.body());
            assertEquals(field, response.json().getString("field"), path);
        });
        Api.Response encodedTraversal = api().get("api/v1/reports/..%252F..%252Fetc%252Fpasswd/download", ADMIN);
        assertEquals(422, encodedTraversal.status(), encodedTraversal.body());
        assertEquals("id", encodedTraversal.json().getString("field"));
        for (String path : List.of("api/v1/reports/..%2F..%2F..%2Fetc%2Fpasswd/download", "api/v1/reports/%2e%2e/download",
                "api/v1/accounts/..%252f..%252fetc%252fpasswd", "api/v1/dead-letters/1%00/replay")) {
            HttpResponse<String> response = new ConsoleSession(base).get(path);
            boolean toLogin = response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").contains("login.xhtml");
            assertTrue(toLogin || response.statusCode() >= 400 && response.statusCode() < 500,
                    path + " -> " + response.statusCode() + " " + response.body());
            assertFalse(response.body().contains("root:"), path);
        }
    }

    @Test
    void reportRequestsNameTheWrongField() {
        Api.Response backwards = api().post("api/v1/reports", SERVICE, "{\"report_type\": \"payments_summary\", "
                + "\"parameters\": {\"from\": \"2026-11-30\", \"to\": \"2026-11-01\"}}");
        assertEquals(422, backwards.status(), backwards.body());
        assertTrue(List.of("parameters.from", "parameters.to").contains(backwards.json().getString("field")), backwards.body());
        Api.Response unknown = api().post("api/v1/reports", SERVICE, "{\"report_type\": \"salaries\"}");
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("report_type", unknown.json().getString("field"));
        Api.Response format = api().post("api/v1/reports", SERVICE, "{\"report_type\": \"refunds\", \"format\": \"exe\"}");
        assertEquals(422, format.status(), format.body());
    }

    // finding 4: one rule per action on both surfaces, audited the same way

    @Test
    void scheduleChangesNeedAnAdminOnTheApiAsInTheConsoleAndAreAudited() throws Exception {
        String name = "hardening " + UUID.randomUUID();
        String body = "{\"name\":\"" + name + "\",\"report_type\":\"account_balances\",\"format\":\"csv\"}";
        Api.Response byOperator = api().post("api/v1/report-configurations", OPERATOR, body);
        assertEquals(403, byOperator.status(), byOperator.body());
        assertTrue(byOperator.json().getString("message").contains("Only admin"), byOperator.body());
        Api.Response byAdmin = api().post("api/v1/report-configurations", ADMIN, body);
        assertEquals(201, byAdmin.status(), byAdmin.body());
        long id = byAdmin.json().getJsonNumber("id").longValue();
        Api.Response disabled = api().put("api/v1/report-configurations/" + id, ADMIN,
                body.replace("}", ",\"enabled\":false}"));
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(List.of("schedule.created", "schedule.disabled"), auditActions("ada", String.valueOf(id)));
    }

    @Test
    void commandsAndTheAuditLogFollowTheSameRuleOnBothSurfaces() throws Exception {
        assertEquals(403, api().get("api/v1/commands", VIEWER).status());
        assertEquals(200, api().get("api/v1/commands", OPERATOR).status());
        assertEquals(403, api().get("api/v1/audit-log", OPERATOR).status());
        assertEquals(200, api().get("api/v1/audit-log", ADMIN).status());

        ConsoleSession viewer = signedIn("viewer");
        HttpResponse<String> export = viewer.get("audit/export");
        assertEquals(403, export.statusCode(), export.body());
        assertFalse(viewer.get("commands/index.xhtml").body().contains("requested_by"));
        assertTrue(viewer.get("commands/index.xhtml").body().contains("Only operator or admin may read commands"));
        ConsoleSession operator = signedIn("operator");
        assertEquals(403, operator.get("audit/export").statusCode());
        ConsoleSession admin = signedIn("admin");
        HttpResponse<String> csv = admin.get("audit/export");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("id,"), csv.body().substring(0, Math.min(200, csv.body().length())));
    }

    @Test
    void apiDeadLetterResolutionsAreRefusedAndAuditedAsInTheConsole() throws Exception {
        long id = waitingDeadLetter();
        Api.Response refused = api().post("api/v1/dead-letters/" + id + "/discard", OPERATOR, "{\"reason\": \"not needed\"}");
        assertEquals(403, refused.status(), refused.body());
        Api.Response shortReason = api().post("api/v1/dead-letters/" + id + "/discard", ADMIN, "{\"reason\": \"x\"}");
        assertEquals(422, shortReason.status(), shortReason.body());
        assertEquals("reason", shortReason.json().getString("field"));
        Api.Response discarded = api().post("api/v1/dead-letters/" + id + "/discard", ADMIN, "{\"reason\": \"a test leftover\"}");
        assertEquals(200, discarded.status(), discarded.body());
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(
                "SELECT actor, outcome FROM audit_log WHERE action = 'dead-letter.discarded' AND target_ids = ? ORDER BY id")) {
            query.setString(1, String.valueOf(id));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("otto", rows.getString("actor"));
                assertEquals("refused", rows.getString("outcome"));
                assertTrue(rows.next());
                assertEquals("ada", rows.getString("actor"));
                assertEquals("succeeded", rows.getString("outcome"));
            }
        }
    }

    // finding 6: login and sessions

    @Test
    void unknownLockedAndWrongPasswordLoginsReadTheSame() throws Exception {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            ConsoleUsers.create(connection, name, "viewer", PASSWORD);
        }
        ConsoleSession session = new ConsoleSession(base);
        assertFalse(session.login("nobody-" + UUID.randomUUID(), PASSWORD));
        String unknown = refusal(session.lastPage());
        for (int attempt = 0; attempt < 5; attempt++) {
            assertFalse(session.login(name, "wrong-password-" + attempt));
            assertEquals(unknown, refusal(session.lastPage()));
        }
        assertFalse(session.login(name, PASSWORD), "the user is locked");
        assertEquals(unknown, refusal(session.lastPage()));
        assertFalse(session.lastPage().contains("locked"), "the page does not say the user exists and is locked");
    }

    @Test
    void passwordChangeEndsTheUsersOtherSessions() throws Exception {
        String name = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            ConsoleUsers.create(connection, name, "viewer", PASSWORD);
        }
        ConsoleSession session = new ConsoleSession(base);
        assertTrue(session.login(name, PASSWORD));
        assertEquals(200, session.get("index.xhtml").statusCode());
        try (Connection connection = database(); PreparedStatement reset = connection.prepareStatement(
                "UPDATE console_user SET password_changed_at = CURRENT_TIMESTAMP + INTERVAL '1 second' WHERE username = ?")) {
            reset.setString(1, name);
            assertEquals(1, reset.executeUpdate());
        }
        HttpResponse<String> after = session.get("index.xhtml");
        assertEquals(302, after.statusCode(), "a session older than the password is over");
        assertTrue(after.headers().firstValue("Location").orElse("").contains("login.xhtml"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(login.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
    }

    @Test
    void consolePagesAndExportsNeedALogin() {
        ConsoleSession anonymous = new ConsoleSession(base);
        for (String path : List.of("index.xhtml", "accounts/index.xhtml", "accounts/export?format=csv",
                "payments/export?format=xlsx", "audit/export", "audit/index.xhtml", "security/users.xhtml")) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElse("").contains("login.xhtml"), path);
        }
    }

    // finding 9: headers

    @Test
    void apiDocsAndApiAnswersForbidInlineScriptsAndSwaggerKeepsNoToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("api-docs/index.html", "api-docs/api-docs.js", "api/v1/info")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root() + path))
                    .header("Authorization", "Bearer " + SERVICE).build(), HttpResponse.BodyHandlers.ofString());
            String policy = response.headers().firstValue("Content-Security-Policy")
                    .orElseThrow(() -> new AssertionError(path + ": no Content-Security-Policy"));
            assertTrue(policy.contains("script-src 'self';"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-eval"), path + ": " + policy);
        }
        String script = http.send(HttpRequest.newBuilder(URI.create(root() + "api-docs/api-docs.js")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(script.contains("persistAuthorization: false"), script);
    }

    private static String refusal(String page) {
        int at = page.indexOf("Wrong user name or password");
        return at < 0 ? page : "Wrong user name or password";
    }

    private static List<String> auditActions(String actor, String target) throws SQLException {
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(
                "SELECT action FROM audit_log WHERE actor = ? AND target_type = 'report_configuration' AND target_ids = ? ORDER BY id")) {
            query.setString(1, actor);
            query.setString(2, target);
            try (ResultSet rows = query.executeQuery()) {
                List<String> actions = new java.util.ArrayList<>();
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
                return actions;
            }
        }
    }

    private static long waitingDeadLetter() throws SQLException {
        try (Connection connection = database(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dead_letter (waiting_fingerprint, stream, reason, body, body_size, headers, attempts, first_seen, last_seen, state) "
                        + "VALUES (?, 'accounts', 'malformed: test', ?, 9, '{}', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'waiting')",
                new String[] {"id"})) {
            insert.setString(1, UUID.randomUUID().toString().replace("-", ""));
            insert.setBytes(2, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
