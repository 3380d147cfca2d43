package dev.opsdeck.monitoring.control;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Every timer of Opsdeck is looked up or created here. Payara's timer constructor fills a HashMap shared by all
 * timers, so two threads creating one at once threw ConcurrentModificationException (a 500 from /health/ready):
 * creation goes one at a time.
 */
public final class Timers {

    private Timers() {
    }

    public static Timer timer(MetricRegistry registry, Metadata metadata, Tag... tags) {
        synchronized (MetricRegistry.class) {
            return registry.timer(metadata, tags);
        }
    }
}
