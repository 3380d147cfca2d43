package dev.opsdeck.process.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console and API requests being answered on this instance that may still read the database, so that background work
 * (ingestion) can let them go first. A request counts from its start until it ends or says it is done with the
 * database (a list page once its rows are read: the rest is rendering, which the OS priority already puts first).
 * Counting costs a few atomic operations and one small object per request; a waiter is woken when the count reaches
 * zero.
 */
@ApplicationScoped
public class InteractiveRequests {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object quiet = new Object();
    private volatile boolean waiting;
    /** When the count last rose from zero: requests have been in flight without a break since. */
    private volatile long busySince;

    /** The request this thread is answering, so that code deep inside it can say it is done with the database. */
    private final ThreadLocal<Counted> current = new ThreadLocal<>();

    /** One counted request; ending it more than once counts once. */
    public final class Counted implements AutoCloseable {

        private final AtomicBoolean counting = new AtomicBoolean(true);

        /** The request has ended, or will not read the database again: ingestion need not wait for the rest of it. */
        public void end() {
            if (counting.compareAndSet(true, false) && inFlight.decrementAndGet() == 0 && waiting) {
                synchronized (quiet) {
                    quiet.notifyAll();
                }
            }
        }

        @Override
        public void close() {
            end();
            if (current.get() == this) {
                current.remove();
            }
        }
    }

    /** Counts the request this thread starts answering until the returned one is closed (or ended earlier). */
    public Counted begin() {
        if (inFlight.incrementAndGet() == 1) {
            busySince = System.nanoTime();
        }
        Counted request = new Counted();
        current.set(request);
        return request;
    }

    /** The request on this thread, if one is counted, will not read the database again. */
    public void doneWithDatabase() {
        Counted request = current.get();
        if (request != null) {
            request.end();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** How long requests have been in flight without a break, 0 when none is. */
    public long busyNanos() {
        return inFlight.get() == 0 ? 0 : Math.max(0, System.nanoTime() - busySince);
    }

    /** Waits until no request is in flight, at most {@code nanos}; true if none is. */
    public boolean awaitNone(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (quiet) {
            // announced before looking, so that an end() racing with the look sees the waiter and wakes it
            waiting = true;
            try {
                while (inFlight.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(quiet, left);
                }
                return true;
            } finally {
                waiting = false;
            }
        }
    }
}
