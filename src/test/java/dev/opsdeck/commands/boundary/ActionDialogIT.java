package dev.opsdeck.commands.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.simulator.control.SimulatedWorld;
import dev.opsdeck.simulator.control.SimulatorServer;
import dev.opsdeck.simulator.control.SimulatorSwitches;
import dev.opsdeck.simulator.control.StompPublisher;
import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.ConsoleUsers;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.ServiceStub;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The refund dialog end to end in a browser against the Go-services simulator (the one demo mode runs), which
 * answers the call and publishes the events that follow over the broker: requested, accepted, and the payment's
 * status changing when the event comes back. Viewers cannot act.
 */
@ExtendWith(ArquillianExtension.class)
class ActionDialogIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    private SimulatorServer simulator;
    private ScheduledExecutorService traffic;
    private ExecutorService threads;
    private StompPublisher publisher;

    @BeforeEach
    void startSimulator() throws Exception {
        SimulatedWorld world = new SimulatedWorld(new Random(7), Duration.ofSeconds(3));
        threads = Executors.newFixedThreadPool(4);
        simulator = new SimulatorServer(Integer.getInteger("it.stub.port"), ServiceStub.PAYMENTS_TOKEN, world,
                new SimulatorSwitches(0, false, false), threads, Clock.systemUTC());
        publisher = new StompPublisher("127.0.0.1", Integer.getInteger("it.broker.port"));
        traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleWithFixedDelay(() -> {
            try {
                world.step(Instant.now(), true);
                for (SimulatedWorld.Event event : world.drain()) {
                    publisher.publish(event.address(), event.body());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        traffic.shutdownNow();
        traffic.awaitTermination(5, TimeUnit.SECONDS);
        simulator.close();
        publisher.close();
        threads.shutdownNow();
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), "");
    }

    private static String eventsOf(String payment) throws Exception {
        StringBuilder found = new StringBuilder();
        try (Connection connection = database(); var query = connection.prepareStatement(
                "SELECT event_type, outcome, processed_at FROM processed_event WHERE aggregate_id = CAST(? AS uuid) "
                        + "UNION ALL SELECT 'row', status || ' v' || version, synced_at FROM payments_read "
                        + "WHERE payment_id = CAST(? AS uuid) ORDER BY 3")) {
            query.setString(1, payment);
            query.setString(2, payment);
            ResultSet rows = query.executeQuery();
            while (rows.next()) {
                found.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3)).append("; ");
            }
        }
        return found.toString();
    }

    /** A settled payment of the simulator's, under the four-eyes threshold of the test server (1000.00). */
    private static String settledPayment() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = database(); ResultSet result = connection.createStatement().executeQuery(
                    "SELECT payment_id FROM payments_read WHERE status = 'settled' AND amount_cents <= 100000 "
                            + "AND synced_at > now() - interval '20 seconds' AND payment_id NOT IN "
                            + "(SELECT target_id FROM action_command) ORDER BY synced_at DESC LIMIT 1")) {
                if (result.next()) {
                    return result.getString(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the simulator produced no settled payment");
    }

    @Test
    void operatorRequestsARefundSeesItAcceptedAndThePaymentChangesWhenTheEventArrives() throws Exception {
        String payment = settledPayment();
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("payments/payment.xhtml?id=" + payment);
            assertEquals("settled", browser.text("#status"));
            browser.click("button[id$='actions:refund']");
            browser.waitFor(d -> browser.find("#action-summary").isDisplayed());
            assertTrue(browser.text("#action-summary").startsWith("1 to refund, in total"), browser.text("#action-summary"));
            browser.click("#action-form\\:confirm");
            browser.waitFor(d -> browser.text(".ui-growl").contains("Reason required"));
            browser.find("#action-form\\:reason").sendKeys("Customer asked for it, ticket 4711");
            browser.click("#action-form\\:confirm");
            browser.waitFor(d -> !browser.all("#action-form\\:outcomes").isEmpty());
            assertTrue(browser.text("#action-form\\:outcomes").contains("accepted"), browser.text("#action-form\\:outcomes"));
            browser.screenshot("refund-dialog");

            // The simulator's event goes through the broker and the group-commit writer; during one full suite run
            // 20 s were not enough, so wait longer and say, if it still fails, what the database holds.
            try {
                browser.waitFor(d -> {
                    browser.get("payments/payment.xhtml?id=" + payment);
                    return !browser.text("#status").equals("settled");
                }, Duration.ofSeconds(60));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("payment still settled after its refund was accepted; database: " + eventsOf(payment), e);
            }
            assertTrue(browser.text("#status").startsWith("refund"), browser.text("#status"));
            assertTrue(browser.text("#history").contains("refund.requested"), browser.text("#history"));
            browser.get("commands/index.xhtml");
            assertTrue(browser.text("#commands\\:rows").contains(payment));
        }
        try (Connection connection = database(); ResultSet command = connection.createStatement().executeQuery(
                "SELECT state, attempts FROM action_command WHERE target_id = '" + payment + "'")) {
            assertTrue(command.next());
            assertTrue(command.getString("state").equals("accepted") || command.getString("state").equals("confirmed"),
                    command.getString("state"));
            assertEquals(1, command.getInt("attempts"));
        }
    }

    @Test
    void aViewerSeesNoActionAndTheServerRefusesOne() throws Exception {
        String payment = settledPayment();
        try (Connection connection = database()) {
            ConsoleUsers.create(connection, "vic.viewer", "viewer", "vic-viewer-password");
        }
        try (Browser browser = Browser.open(base).login("vic.viewer", "vic-viewer-password")) {
            browser.get("payments/payment.xhtml?id=" + payment);
            assertEquals("settled", browser.text("#status"));
            assertTrue(browser.all("button[id$='actions:refund']").isEmpty());
            browser.get("payments/index.xhtml?status=settled");
            assertTrue(browser.all("button[id$='list:refund']").isEmpty());
        }
        try (Connection connection = database(); ResultSet command = connection.createStatement().executeQuery(
                "SELECT COUNT(*) FROM action_command WHERE target_id = '" + payment + "'")) {
            command.next();
            assertEquals(0, command.getInt(1));
        }
    }
}
