package dev.opsdeck.notifications.control;

import dev.opsdeck.commands.control.CommandQueries;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.ingestion.control.DeadLetters;
import dev.opsdeck.reports.control.ReportFailures;
import dev.opsdeck.tables.control.Money;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** Reads what the rules judge, across the fleet: from the database, and the streams' alarms from the dashboard's judgement. */
public class NotificationFacts {

    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MOST = 200;

    /** The streams that have an alarm now, by label (the dashboard's {@code StreamAlarms} in the server). */
    @FunctionalInterface
    public interface StreamAlarmSource {
        Map<String, String> alarms(Instant now) throws SQLException;
    }

    private final DataSource dataSource;
    private final StreamAlarmSource streams;

    public NotificationFacts(DataSource dataSource, StreamAlarmSource streams) {
        this.dataSource = dataSource;
        this.streams = streams;
    }

    public ConditionFacts read(Instant now, Duration lookBack) throws SQLException {
        CommandQueries commands = new CommandQueries(dataSource);
        return new ConditionFacts(new DeadLetters(dataSource, Clock.systemUTC()).waitingByStream(), streams.alarms(now),
                commands.awaitingApproval(MOST).stream().map(command -> new ConditionFacts.Item(command.id().toString(),
                        describe(command) + ", requested by " + command.requestedBy() + ": " + command.reason())).toList(),
                commands.failedSince(now.minus(lookBack), MOST).stream().map(command -> new ConditionFacts.Item(
                        command.id().toString(), describe(command) + ": " + (command.outcome() == null ? "failed" : command.outcome())))
                        .toList(),
                new ReportFailures(dataSource).since(now.minus(lookBack), MOST).stream().map(run -> new ConditionFacts.Item(
                        run.runId().toString(), (run.configurationName() == null ? run.reportType() + " (ad hoc)"
                                : "\"" + run.configurationName() + "\"") + ": " + run.error())).toList());
    }

    /** E.g. "refund of 1234.05 EUR on payment 0f8f…": amounts in their currency's units. */
    static String describe(ActionCommand command) {
        String amount = amount(command.parameters());
        return command.kind().label() + (amount == null ? "" : " of " + amount) + " on " + command.kind().targetType() + " "
                + command.targetId();
    }

    static String amount(String parameters) {
        try {
            JsonObject json = JSON.createReader(new StringReader(parameters)).readObject();
            JsonValue cents = json.get("amount_cents");
            return cents instanceof JsonNumber number && json.get("currency") instanceof JsonString currency
                    ? Money.format(number.longValue(), currency.getString()) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
