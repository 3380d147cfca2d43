package dev.opsdeck.process.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console and API requests being answered on this instance right now, so that background work (ingestion) can let
 * them go first. Counting costs two atomic operations per request; a waiter is woken when the count reaches zero.
 */
@ApplicationScoped
public class InteractiveRequests {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object quiet = new Object();
    private volatile boolean waiting;

    public void begin() {
        inFlight.incrementAndGet();
    }

    public void end() {
        if (inFlight.decrementAndGet() == 0 && waiting) {
            synchronized (quiet) {
                quiet.notifyAll();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
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
