package dev.opsdeck.commands.boundary;

import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import dev.opsdeck.commands.control.CommandConfirmations;
import dev.opsdeck.commands.control.CommandDispatcher;
import dev.opsdeck.tracing.control.ApplicationTracer;
import dev.opsdeck.tracing.control.Spans;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds on every instance with the scheduler role: sends due commands (new ones a crash left behind, retries of unanswered
 * ones), confirms those whose event arrived and flags those whose confirmation is overdue. Instances share the
 * work through the store's row claims. The work runs on a managed executor, outside any container transaction
 * (Payara ran the timeout in one even when told not to), and one run at a time per instance.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandScheduling {

    private static final Logger LOG = Logger.getLogger(CommandScheduling.class.getName());
    private static final int MAX_PER_TICK = 50;

    @Inject
    CommandDispatcher dispatcher;

    @Inject
    CommandConfirmations confirmations;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ApplicationTracer tracing;

    @Inject
    ServedRoles served;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    public void tick() {
        if (!served.has(InstanceRole.SCHEDULER)) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::work);
        } catch (RuntimeException rejected) {
            running.set(false);
            LOG.log(Level.WARNING, "Commands tick not started; the next one tries again", rejected);
        }
    }

    private void work() {
        try {
            Spans.inSpan(tracing.span("commands tick"), () -> {
                dispatcher.dispatchDue(MAX_PER_TICK);
                confirmations.confirm();
                confirmations.flagOverdue();
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Commands tick failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }
}
