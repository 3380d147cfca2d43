package dev.opsdeck.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.ServiceStub;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log through its API (admins only, filtered, paged newest first) and its append-only guard in PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    private static ServiceStub stub;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startStub() throws Exception {
        stub = ServiceStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    private Api api() {
        return new Api(base);
    }

    private static String admin() {
        return Tokens.jwt("ada", List.of("admin"));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv().getOrDefault("DB_USER", "postgres"), "");
    }

    private UUID frozenByRequest(String operator) throws Exception {
        UUID account = UUID.randomUUID();
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", account, 10, "active", 1L,
                    Instant.parse("2026-11-20T10:00:00Z")), Map.of());
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (api().get("api/v1/accounts/" + account, admin()).status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Api.Response freeze = api().post("api/v1/accounts/" + account + "/freeze-requests",
                Tokens.jwt(operator, List.of("operator")), "{\"reason\":\"suspected fraud\"}");
        assertEquals(202, freeze.status(), freeze.body());
        while (stub.actedOn(account) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return account;
    }

    private JsonArray items(String query, String token) {
        Api.Response page = api().get("api/v1/audit-log" + query, token);
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items");
    }

    @Test
    void adminsReadActionsNewestFirstFilteredAndPaged() throws Exception {
        UUID account = frozenByRequest("oskar");
        Instant deadline = Instant.now().plusSeconds(30);
        while (items("?target_id=" + account, admin()).size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        JsonArray forAccount = items("?target_id=" + account, admin());
        assertEquals(2, forAccount.size(), forAccount.toString());
        JsonObject accepted = forAccount.getJsonObject(0);
        assertEquals("account.freeze.accepted", accepted.getString("action"));
        JsonObject requested = forAccount.getJsonObject(1);
        assertEquals("account.freeze.requested", requested.getString("action"));
        assertEquals("oskar", requested.getString("actor"));
        assertEquals("queued", requested.getString("outcome"));
        assertEquals("account", requested.getString("target_type"));
        assertEquals(List.of(account.toString()), requested.getJsonArray("target_ids").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(requested.getString("details").contains("suspected fraud"));
        assertTrue(requested.containsKey("client_address"));

        assertEquals(1, items("?target_id=" + account + "&action=account.freeze.requested", admin()).size());
        assertEquals(2, items("?target_id=" + account + "&action=account.freeze.", admin()).size());
        assertEquals(0, items("?target_id=" + account + "&actor=somebody-else", admin()).size());
        assertEquals(0, items("?target_id=" + account + "&from=2099-01-01T00:00:00Z", admin()).size());
        assertEquals(2, items("?target_id=" + account + "&from=2020-01-01T00:00:00Z&to=2099-01-01T00:00:00Z", admin()).size());

        JsonObject first = api().get("api/v1/audit-log?actor=oskar&limit=1", admin()).json();
        assertEquals(1, first.getJsonArray("items").size());
        JsonObject second = api().get("api/v1/audit-log?actor=oskar&limit=1&cursor=" + first.getString("next_cursor"), admin()).json();
        assertTrue(second.getJsonArray("items").getJsonObject(0).getInt("id") < first.getJsonArray("items").getJsonObject(0).getInt("id"));

        assertEquals(422, api().get("api/v1/audit-log?from=yesterday", admin()).status());
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        assertEquals(403, api().get("api/v1/audit-log", Tokens.jwt("otto", List.of("operator"))).status());
        assertEquals(403, api().get("api/v1/audit-log", Tokens.jwt("vera", List.of("viewer"))).status());
        assertEquals(403, api().get("api/v1/audit-log", Tokens.NEW_SERVICE_TOKEN).status());
        assertEquals(401, api().get("api/v1/audit-log", null).status());
    }

    @Test
    void postgresRefusesToUpdateOrDeleteAuditEntries() throws Exception {
        UUID account = frozenByRequest("olaf");
        try (Connection db = database()) {
            long id;
            try (ResultSet row = db.createStatement().executeQuery("SELECT e.id FROM audit_log e JOIN audit_log_target t "
                    + "ON t.entry_id = e.id WHERE t.target_id = '" + account + "' ORDER BY e.id FETCH FIRST 1 ROWS ONLY")) {
                assertTrue(row.next());
                id = row.getLong(1);
            }
            SQLException update = assertThrows(SQLException.class,
                    () -> db.createStatement().executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = " + id));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> db.createStatement().executeUpdate("DELETE FROM audit_log WHERE id = " + id));
            assertEquals("42501", delete.getSQLState());
            SQLException deleteTarget = assertThrows(SQLException.class,
                    () -> db.createStatement().executeUpdate("DELETE FROM audit_log_target WHERE entry_id = " + id));
            assertEquals("42501", deleteTarget.getSQLState());
            SQLException truncate = assertThrows(SQLException.class,
                    () -> db.createStatement().executeUpdate("TRUNCATE audit_log CASCADE"));
            assertEquals("42501", truncate.getSQLState());
            try (ResultSet row = db.createStatement().executeQuery("SELECT actor FROM audit_log WHERE id = " + id)) {
                assertTrue(row.next());
                assertEquals("olaf", row.getString(1));
            }
        }
    }
}
