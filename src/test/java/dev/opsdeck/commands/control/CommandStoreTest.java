package dev.opsdeck.commands.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.api.control.KeysetCursor;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The outbox's state changes on the embedded database (H2 in PostgreSQL mode), the same SQL PostgreSQL runs. */
class CommandStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final DataSource database = Databases.freshH2();
    private final CommandStore store = new CommandStore(database);
    private final CommandQueries queries = new CommandQueries(database);

    private static ActionCommand command(ActionKind kind, UUID target, CommandState state, Instant due) {
        return new ActionCommand(UUID.randomUUID(), UUID.randomUUID(), null, kind, target, "{}", "ticket 4711", "otto",
                "10.0.0.1", NOW, state, "queued", 0, null, null, due, null, null, null, null, null, false, NOW);
    }

    @Test
    void claimMarksSentCountsTheAttemptAndLeasesIt() throws Exception {
        ActionCommand stored = command(ActionKind.REFUND, UUID.randomUUID(), CommandState.PENDING, NOW);
        store.insert(stored);
        CommandStore.Claim claim = store.claim(Optional.empty(), NOW, NOW.plusSeconds(60)).orElseThrow();
        assertEquals(CommandState.PENDING, claim.before());
        assertEquals(stored.idempotencyKey(), claim.command().idempotencyKey());
        ActionCommand after = queries.find(stored.id()).orElseThrow();
        assertEquals(CommandState.SENT, after.state());
        assertEquals(1, after.attempts());
        assertEquals(NOW.plusSeconds(60), after.nextAttemptAt());
        assertTrue(store.claim(Optional.empty(), NOW.plusSeconds(59), NOW.plusSeconds(120)).isEmpty(), "leased");
        CommandStore.Claim again = store.claim(Optional.of(stored.id()), NOW.plusSeconds(61), NOW.plusSeconds(120)).orElseThrow();
        assertEquals(CommandState.SENT, again.before());
        assertEquals(2, queries.find(stored.id()).orElseThrow().attempts());
    }

    @Test
    void aLeaseHandedBackByAStoppingInstanceIsClaimableAtOnceWithTheSameKey() throws Exception {
        ActionCommand stored = command(ActionKind.FREEZE, UUID.randomUUID(), CommandState.PENDING, NOW);
        store.insert(stored);
        store.claim(Optional.empty(), NOW, NOW.plusSeconds(3600)).orElseThrow();

        assertTrue(store.handBack(stored.id(), NOW.plusSeconds(2)));

        CommandStore.Claim again = store.claim(Optional.empty(), NOW.plusSeconds(2), NOW.plusSeconds(60)).orElseThrow();
        assertEquals(stored.idempotencyKey(), again.command().idempotencyKey());
        assertEquals(CommandState.SENT, again.before(), "retried as possibly sent, not as new");
        assertTrue(store.finish(stored.id(), CommandState.ACCEPTED, 202, "frozen", "accepted", NOW.plusSeconds(3)));
        assertFalse(store.handBack(stored.id(), NOW.plusSeconds(4)), "an answered command is not handed back");
    }

    @Test
    void heldAndAnsweredCommandsAreNeverClaimed() throws Exception {
        store.insert(command(ActionKind.REFUND, UUID.randomUUID(), CommandState.AWAITING_APPROVAL, null));
        ActionCommand done = command(ActionKind.FREEZE, UUID.randomUUID(), CommandState.PENDING, NOW);
        store.insert(done);
        store.claim(Optional.empty(), NOW, NOW.plusSeconds(1)).orElseThrow();
        assertTrue(store.finish(done.id(), CommandState.ACCEPTED, 202, "frozen", "accepted", NOW));
        assertTrue(store.claim(Optional.empty(), NOW.plusSeconds(3600), NOW.plusSeconds(3700)).isEmpty());
    }

    @Test
    void answerAfterConfirmationChangesNothing() throws Exception {
        UUID account = UUID.randomUUID();
        ActionCommand freeze = command(ActionKind.FREEZE, account, CommandState.PENDING, NOW);
        store.insert(freeze);
        store.claim(Optional.empty(), NOW, NOW.plusSeconds(60));
        insertAccount(account, "frozen");
        assertEquals(List.of(freeze.id()), store.confirmable(ActionKind.FREEZE, 10));
        assertTrue(store.confirm(freeze.id(), NOW));
        assertFalse(store.finish(freeze.id(), CommandState.ACCEPTED, 202, "frozen", "accepted", NOW));
        assertEquals(CommandState.CONFIRMED, queries.find(freeze.id()).orElseThrow().state());
        assertTrue(store.confirmable(ActionKind.FREEZE, 10).isEmpty());
    }

    @Test
    void unconfirmedAcceptedCommandsAreFlaggedOnce() throws Exception {
        ActionCommand refund = command(ActionKind.REFUND, UUID.randomUUID(), CommandState.PENDING, NOW);
        store.insert(refund);
        store.claim(Optional.empty(), NOW, NOW.plusSeconds(60));
        store.finish(refund.id(), CommandState.ACCEPTED, 202, "refund_requested", "accepted", NOW);
        assertTrue(store.overdue(NOW, 10).isEmpty());
        assertEquals(List.of(refund.id()), store.overdue(NOW.plusSeconds(1), 10));
        assertTrue(store.flagOverdue(refund.id(), NOW));
        assertFalse(store.flagOverdue(refund.id(), NOW));
        assertEquals(1, queries.countOverdue());
        assertTrue(queries.find(refund.id()).orElseThrow().confirmationOverdue());
    }

    @Test
    void approvalMovesOnlyAHeldCommand() throws Exception {
        ActionCommand held = command(ActionKind.REFUND, UUID.randomUUID(), CommandState.AWAITING_APPROVAL, null);
        store.insert(held);
        assertTrue(store.decide(held.id(), CommandState.PENDING, "olga", "approved", NOW));
        assertFalse(store.decide(held.id(), CommandState.REJECTED, "olga", "rejected", NOW));
        ActionCommand after = queries.find(held.id()).orElseThrow();
        assertEquals(CommandState.PENDING, after.state());
        assertEquals("olga", after.decidedBy());
        assertEquals(NOW, after.nextAttemptAt());
    }

    @Test
    void openCommandAndClientKeyAreFound() throws Exception {
        UUID payment = UUID.randomUUID();
        ActionCommand refund = new ActionCommand(UUID.randomUUID(), UUID.randomUUID(), "key-1", ActionKind.REFUND, payment,
                "{}", "ticket", "otto", null, NOW, CommandState.PENDING, "queued", 0, null, null, NOW, null, null, null,
                null, null, false, NOW);
        store.insert(refund);
        assertEquals(refund.id(), queries.openFor(payment, ActionKind.REFUND).orElseThrow().id());
        assertTrue(queries.openFor(payment, ActionKind.FREEZE).isEmpty());
        assertEquals(refund.id(), queries.findByClientKey("otto", "key-1").orElseThrow().id());
        assertTrue(queries.findByClientKey("olga", "key-1").isEmpty());
    }

    @Test
    void pagesAreNewestFirst() throws Exception {
        UUID target = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ActionCommand c = command(ActionKind.FREEZE, target, CommandState.REJECTED, null);
            store.insert(new ActionCommand(c.id(), c.idempotencyKey(), null, c.kind(), target, "{}", "r", "otto", null,
                    NOW.plusSeconds(i), CommandState.REJECTED, "x", 1, 409, "no", null, null, null, null, NOW, null, false, NOW));
        }
        KeysetPage<ActionCommand> first = queries.page(Optional.of(CommandState.REJECTED), Optional.of(target), Optional.empty(), 2);
        assertEquals(List.of(NOW.plusSeconds(2), NOW.plusSeconds(1)), first.items().stream().map(ActionCommand::requestedAt).toList());
        KeysetPage<ActionCommand> rest = queries.page(Optional.empty(), Optional.of(target), KeysetCursor.timeAndId(first.nextCursor()), 2);
        assertEquals(List.of(NOW), rest.items().stream().map(ActionCommand::requestedAt).toList());
        assertNull(rest.nextCursor());
    }

    private void insertAccount(UUID account, String status) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts_read (account_id, owner_id, currency, "
                     + "balance_cents, status, created_at, updated_at, version, last_event_id, last_event_at, synced_at) "
                     + "VALUES (?, ?, 'EUR', 0, ?, ?, ?, 1, ?, ?, ?)")) {
            var time = NOW.atOffset(ZoneOffset.UTC);
            insert.setObject(1, account);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, status);
            insert.setObject(4, time);
            insert.setObject(5, time);
            insert.setObject(6, UUID.randomUUID());
            insert.setObject(7, time);
            insert.setObject(8, time);
            insert.executeUpdate();
        }
    }
}
