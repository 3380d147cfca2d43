package dev.opsdeck.commands.control;

import dev.opsdeck.commands.control.ActionRefusedException.Why;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Waiting for a command's outcome, so a dialog can show it per item: an attempt or confirmation that ends on this
 * instance wakes the waiters at once; a command another instance of the fleet sends is read again every second.
 */
@ApplicationScoped
public class CommandOutcomes {

    static final Duration READ_AGAIN = Duration.ofSeconds(1);

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    Clock clock = Clock.systemUTC();
    private final Map<UUID, CompletableFuture<Void>> changes = new ConcurrentHashMap<>();
    private CommandQueries queries;

    @PostConstruct
    void build() {
        queries = new CommandQueries(dataSource);
    }

    /** The command's state changed on this instance: whoever waits for it reads it again now. */
    public void changed(UUID commandId) {
        CompletableFuture<Void> change = changes.remove(commandId);
        if (change != null) {
            change.complete(null);
        }
    }

    /**
     * Waits up to {@code atMost} until the command has an outcome to show (answered, failed, confirmed, or held
     * for approval) and returns it as it then stands; after the wait it may still be {@code pending} or {@code sent}.
     */
    public ActionCommand await(UUID commandId, Duration atMost) {
        Instant until = clock.instant().plus(atMost);
        while (true) {
            CompletableFuture<Void> change = changes.computeIfAbsent(commandId, id -> new CompletableFuture<>());
            ActionCommand command = find(commandId);
            Duration left = Duration.between(clock.instant(), until);
            if (command.state().answered() || command.state() == CommandState.AWAITING_APPROVAL || left.isNegative() || left.isZero()) {
                changes.remove(commandId, change);
                return command;
            }
            try {
                change.get(Math.min(left.toMillis(), READ_AGAIN.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException readAgain) {
                // no change announced here; another instance may have sent it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                changes.remove(commandId, change);
                return command;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private ActionCommand find(UUID commandId) {
        try {
            return queries.find(commandId).orElseThrow(() ->
                    new ActionRefusedException(Why.NOT_FOUND, null, "no command " + commandId));
        } catch (SQLException e) {
            throw new IllegalStateException("commands cannot be read: " + e.getMessage(), e);
        }
    }
}
