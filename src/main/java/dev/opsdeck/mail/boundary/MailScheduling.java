package dev.opsdeck.mail.boundary;

import dev.opsdeck.mail.control.Mail;
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
 * Every few seconds on every instance: sends the outbox's due messages. Instances share the work through the outbox's
 * leases; the work runs on a managed executor outside any container transaction, one run at a time per instance.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailScheduling {

    private static final Logger LOG = Logger.getLogger(MailScheduling.class.getName());
    private static final int MAX_PER_TICK = 50;

    @Inject
    Mail mail;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void tick() {
        if (!mail.configured() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::work);
        } catch (RuntimeException rejected) {
            running.set(false);
            LOG.log(Level.WARNING, "Mail tick not started; the next one tries again", rejected);
        }
    }

    private void work() {
        try {
            mail.sendDue(MAX_PER_TICK);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mail tick failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }
}
