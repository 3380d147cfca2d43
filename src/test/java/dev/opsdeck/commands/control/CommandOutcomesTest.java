package dev.opsdeck.commands.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.testing.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Waiting for an outcome on the embedded database: woken by the change announced here, not by reading on a timer. */
class CommandOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final DataSource database = Databases.freshH2();
    private final CommandStore store = new CommandStore(database);
    private final CommandOutcomes outcomes = new CommandOutcomes();

    CommandOutcomesTest() {
        outcomes.dataSource = database;
        outcomes.build();
    }

    private ActionCommand sent() throws Exception {
        ActionCommand command = new ActionCommand(UUID.randomUUID(), UUID.randomUUID(), null, ActionKind.REFUND,
                UUID.randomUUID(), "{}", "ticket 4711", "otto", "10.0.0.1", NOW, CommandState.PENDING, "queued", 0, null,
                null, NOW, null, null, null, null, null, false, NOW);
        store.insert(command);
        store.claim(Optional.of(command.id()), NOW, NOW.plusSeconds(60)).orElseThrow();
        return command;
    }

    @Test
    void anAnswerRecordedHereWakesTheWaiterAtOnce() throws Exception {
        ActionCommand command = sent();
        CompletableFuture<ActionCommand> waiting = CompletableFuture.supplyAsync(() -> outcomes.await(command.id(), Duration.ofSeconds(30)));
        Thread.sleep(200);
        long answeredAt = System.nanoTime();
        store.finish(command.id(), CommandState.ACCEPTED, 202, "accepted", "accepted by the payments service", NOW);
        outcomes.changed(command.id());

        assertEquals(CommandState.ACCEPTED, waiting.get().state());
        assertTrue(Duration.ofNanos(System.nanoTime() - answeredAt).compareTo(CommandOutcomes.READ_AGAIN) < 0,
                "woken by the announced change, before the next read on the timer");
    }

    @Test
    void withoutAnAnswerTheWaitEndsAtItsLimitWithTheCommandAsItStands() throws Exception {
        ActionCommand command = sent();

        assertEquals(CommandState.SENT, outcomes.await(command.id(), Duration.ofMillis(300)).state());
    }
}
